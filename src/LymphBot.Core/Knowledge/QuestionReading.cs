using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// What the ranking reads of a question: its words, less the parts that say what the question is not about and with
/// figures of speech put plainly. Three ways of speaking would otherwise mislead a ranking that goes by words:
/// <list type="bullet">
/// <item>An excluded subject ("besides swelling, what else does it help with") names the one thing the asker does not
/// want: it is left out, so the rest of the question decides.</item>
/// <item>A limb described by a simile ("my legs feel like sausages", "ankles like balloons", "as big as grapefruits",
/// "the size of melons") is a limb described as swollen, whatever it is compared to: the comparison is read as
/// "swollen". A face or a belly is not a limb, so those similes keep their words (the source covers neither).</item>
/// <item>"who" after a group of people ("good for people who want to relax") describes them; it does not ask who the
/// therapy is for.</item>
/// <item>A last alternative that only doubts the question ("… or not", "… or is that overkill", "… or something
/// different", "… or just marketing") is left out: the first half is what is asked. So is a lesser reading offered
/// with "just" or "only" ("… or just make you feel nice?", "… or is it only for relaxing?").</item>
/// <item>Swelling told by what it does to what someone wears ("my rings are tight by evening", "socks leave deep
/// marks", "my shoes feel too small", "can't zip my boots") or by a limb that disappears ("my ankles vanish by 5pm")
/// reads as "swollen": people describe the swelling they see before they name it.</item>
/// <item>An age given as a bare number ("I'm 72", "my mum is 85", "at 68") reads as "72 years old", the way the
/// kinds of question the source does not cover (<c>not-covered.md</c>) name it.</item>
/// <item>Asking for "any tips on" something asks about that thing, not for the bot's tips.</item>
/// <item>"After my session" in a question about how a session leaves someone feeling ("why do I feel so calm after my
/// lymph sessions") says when, not what: the session is left out, so the feeling decides. What to do after a session is
/// still a kind of question the source does not cover, read on the words as typed (<c>not-covered.md</c>).</item>
/// <item>Procedures that break the skin named together as what it might involve ("does it involve needles or surgery",
/// "is there any cutting or injecting") are examples of one thing, an invasive treatment: not a question about
/// recovery from surgery.</item>
/// <item>Asking whether the massage itself hurts ("is it painful to have mld", "will the session be uncomfortable") asks
/// how much pressure it uses, not whether it eases pain.</item>
/// <item>Asking whether it is only or just for someone ("is it only for sick people", "is MLD just for women") asks who
/// it is for.</item>
/// <item>Who does it, before what they do ("why does my therapist do pumping movements"), is not asked about: what
/// they do is.</item>
/// <item>The purpose of a session ("what is the main goal of an mld session", "what are they trying to achieve in an
/// appointment") is the purpose of the therapy: the session is only when it happens.</item>
/// <item>Anything that breaks or goes through the skin ("will anything break my skin") is the invasive question.</item>
/// <item>Before booking or before a first session ("clear it with my doctor before booking", "before my first
/// appointment") is before starting, as the source says it ("before starting any new therapy").</item>
/// <item>A massage named as ordinary in other words, in a comparison ("different from a normal spa massage", "any diff
/// from a regular rubdown", "just a back rub") is an ordinary massage.</item>
/// <item>What is denied before "just" or "only" ("no chest pain or anything, just puffy ankles") is not asked about.</item>
/// <item>An ache named with a swelling ("my swollen legs ache", "heavy achy ankles") is the discomfort the source says
/// drainage relieves, not the soreness of muscles after a workout.</item>
/// <item>"Regular" before the therapy's name ("would regular lymphatic massage help?") says how often, not what: the
/// therapy, or the story before it, is the subject.</item>
/// <item>Something that shows up, crops up or kicks in happens: when it comes about frames the question, whatever it names.</item>
/// <item>A limb that feels heavy or tired ("heavy achy legs", "a heavy feeling in my swollen ankles") is how people describe fluid
/// in it: it reads as swollen.</item>
/// <item>Asking what the practitioner does ("what does the therapist actually do to you", "what will the masseuse do
/// during mld") asks what happens in a session: the practitioner is who does it, not what is asked about.</item>
/// </list>
/// Safety triage reads the question as typed as well as this reading, so nothing here can hide a red flag.
/// </summary>
public static partial class QuestionReading
{
    public static string Read(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = DeniedBeforeJust().Replace(question, "");
        text = Excluded().Replace(text, " ");
        text = Simile().Replace(text, m => m.Groups["lead"].Value + " swollen");
        text = ThrowawayAlternative().Replace(text, "");
        text = LesserAlternative().Replace(text, "");
        text = WornItemTooTight().Replace(text, "swollen");
        text = TightOnWornItem().Replace(text, "swollen");
        text = LimbDisappears().Replace(text, "${limb} swollen");
        text = BareAge().Replace(text, m => m.Value + " years old");
        text = AskingForTips().Replace(text, "");
        text = WhatThePractitionerDoes().Replace(text, "what happens in a session");
        text = PractitionerDoing().Replace(text, "${aux} ");
        text = OnlyFor().Replace(text, "who is it for");
        text = ItHurts().Replace(text, m => SessionWord().Replace(m.Groups["lead"].Value, "massage") + "firm pressure");
        text = AfterASession().Replace(text, "");
        text = InvasiveExamples().Replace(text, "${lead} invasive");
        text = PurposeOfASession().Replace(text, m => m.Groups["lead"].Value + (m.Groups["therapy"].Length > 0 ? "" : " lymph drainage"));
        text = SessionForAPurpose().Replace(text, m => m.Groups["therapy"].Length > 0 ? m.Groups["therapy"].Value : " lymph drainage");
        text = ThroughTheSkin().Replace(text, "invasive");
        text = BeforeStarting().Replace(text, "before starting${therapy}");
        text = OrdinaryMassage().Replace(text, m => AlreadyOrdinary().IsMatch(m.Groups["named"].Value) ? m.Value : m.Groups["lead"].Value + " ordinary massage");
        text = HeavyLimb().Replace(text, "swollen");
        text = AchingSwelling().Replace(text, "discomfort");
        text = ComesAbout().Replace(text, "happens");
        text = RegularTherapy().Replace(text, "");
        return RelativeWho().Replace(text, "$1");
    }

    // What people wear on a limb, whose fit shows swelling before anyone names it.
    private const string WornItem =
        @"(?:rings?|wedding\s+(?:ring|band)|socks?|stockings?|tights|shoes?|trainers|sneakers|boots?|heels|sandals|slippers|"
        + @"watch(?:\s+(?:strap|band))?|watchstrap|strap|bracelets?|bangles?|jeans|trousers|pants|leggings|sleeves?|cuffs?)";

    // How a worn thing says the limb has swollen: tight, no longer fitting, digging in, leaving marks.
    private const string TightFit =
        @"(?:tight|tighter|snug|snugger|too\s+small|sizes?\s+too\s+small|dig|digs|digging|dug|cut|cuts|cutting|pinch\w*|"
        + @"dents?|dented|indent\w*|marks|grooves?|imprints?|ridges?|lines|(?:leaves?|leaving|left)\s+(?:a\s+)?rings?|fit|fits|fitting|zip|zipped|do\s+up)";

    // "my rings are so tight by the end of the day", "socks leave deep dents in my ankles", "my shoes feel two sizes too
    // small": the worn thing, up to six words, then how it fits.
    [GeneratedRegex(
        @"\b" + WornItem + @"\b(?:\s+[\p{L}\p{N}']+){0,6}?\s+" + TightFit + @"\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WornItemTooTight();

    // "can't fit into my shoes", "can't get my boots zipped", "too fat to get my ring off", "my feet spill over the sides
    // of my shoes": the fit, then the worn thing.
    [GeneratedRegex(
        @"\b(?:(?:can't|cant|cannot|can\s+not|couldn't|couldnt|barely|hardly|won't|wont|struggle\s+to|too\s+[\p{L}]+\s+to)\s+(?:fit|get|squeeze|zip|do\s+up|pull|take)"
        + @"|(?:spill\w*|bulg\w*|puff\w*|flop\w*|pour\w*)\s+(?:out\s+)?over)\b(?:\s+[\p{L}']+){0,4}?\s+" + WornItem + @"\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TightOnWornItem();

    // "my ankles disappear by 5pm", "my ankle bones vanish": a limb lost in its own swelling.
    [GeneratedRegex(
        @"\b(?<limb>ankles?|ankle\s+bones?|knuckles?|knees?|wrists?|feet|foot|toes|fingers)\s+(?:\w+\s+)?(?:disappear\w*|vanish\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LimbDisappears();

    // "any tips on finding a therapist", "tips for doing it at home": asking for advice on a subject, not for the bot's tips.
    [GeneratedRegex(@"\b(?:any|some|good|best|top|your|quick|helpful)\s+tips?\s+(?:on|for|about)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskingForTips();

    // "after my lymph sessions", "after each mld appointment", "after the massage": when, not what.
    [GeneratedRegex(
        @"\b(?:after|following)\s+(?:(?:a|an|my|the|each|every|our|your|their|this|that|today's|yesterday's)\s+)?(?:(?:lymph|lymphatic|mld|drainage|massage)\s+){0,2}(?:sessions?|appointments?|treatments?|massages?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterASession();

    // Procedures that break the skin: what "invasive" means to people who ask.
    private const string Procedure =
        @"(?:needles?|injections?|injecting|jabs?|surgery|surgeries|surgical|operations?|cutting|cuts|incisions?|scalpels?|knives|knife|stitches)";

    // "does it involve needles or surgery", "any cutting or injections", "do they use a scalpel or needles": two or more
    // procedures after what would bring them in.
    [GeneratedRegex(
        @"(?<lead>\b(?:involv\w*|use|uses|using|requir\w*|need|needs|includ\w*|any|with))\s+(?:any\s+|a\s+|an\s+)?" + Procedure
        + @"(?:\s*(?:,|or|and|/)\s*(?:any\s+|a\s+|an\s+|do\s+any\s+(?:kind|sort|type)\s+of\s+)?" + Procedure + @")+\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvasiveExamples();

    // The session words, after a therapy's name or alone.
    private const string Therapy = @"(?:\s+(?:lymph|lymphatic|mld|drainage|massage)){0,3}";

    // "the main goal of an mld session", "the point of these appointments", "trying to achieve in a session": a purpose
    // word, a few words, then the session; the therapy's name, if any, stays ("lymph drainage" stands in when none).
    [GeneratedRegex(
        @"(?<lead>\b(?:purpose|goal|goals|aim|aims|point|objective|objectives|achieve|accomplish)\b(?:\s+(?:of|in|during|behind|for|with|from|at))(?:\s+(?:a|an|the|my|your|this|these|those|each|every|their|such))?(?<therapy>" + Therapy + @"))\s+(?:sessions?|appointments?|treatments?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PurposeOfASession();

    // "what is a lymph drainage session supposed to achieve", "what are mld appointments aimed at": the session, then a
    // purpose word a few words on.
    [GeneratedRegex(
        @"(?<therapy>" + Therapy + @")\s+(?:sessions?|appointments?|treatments?)\b(?=(?:\s+[\p{L}']+){0,3}?\s+(?:purpose|goal|goals|aim|aims|aimed|aiming|point|objective|objectives|achieve|accomplish)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionForAPurpose();

    // "will anything break my skin", "does it go through the skin", "pierce your skin": going through the skin is invasive.
    [GeneratedRegex(
        @"\b(?:break|breaks|breaking|broke|broken|pierc\w*|penetrat\w*|punctur\w*|cut\w*\s+(?:into|through)|go(?:es)?\s+(?:through|into|under)|get\s+under)\s+(?:the|my|your|his|her|our|their)\s+skin\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThroughTheSkin();

    // "before booking a lymphatic massage", "before I book my first appointment", "before my first mld session": before starting.
    [GeneratedRegex(
        @"\bbefore\s+(?:(?:i|you|we)\s+)?(?:book|booking|schedule|scheduling|arrange|arranging|(?:sign|signing)\s+up(?:\s+for)?|(?:(?:having|getting|trying|going\s+for|doing)\s+)?(?:my|the|a|your)\s+(?:very\s+)?first)"
        + @"(?:\s+(?:a|an|my|the|your|in|for|me|first|very))*(?<therapy>" + Therapy + @")(?:\s+(?:sessions?|appointments?|treatments?|massages?))?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BeforeStarting();

    // "different from a normal spa massage", "any diff from a regular rubdown", "just a fancy back rub": what it is compared
    // with, a massage named as ordinary (or in slang), is an ordinary massage. A deep tissue or sports massage keeps its
    // words: those ask about pressure or recovery.
    [GeneratedRegex(
        @"(?<lead>\b(?:different|difference|diff|differ|differs|differently|than|from|same\s+as|like|just|unlike|vs|versus)\b|(?<=\b(?:difference|differences|diff|differ)\s+between\b[^.?!]*)\band\b)(?:\s+(?:a|an|the|your|any|some|to|getting|having|just|fancy|glorified|simple|good))*"
        + @"\s+(?<named>(?:(?:normal|regular|ordinary|usual|standard|bog|traditional|typical|classic|plain|everyday|average|old|spa|relaxing|relaxation|basic|general)\s+){1,3}(?:massages?|rubdowns?|rub\s+downs?|back\s*rubs?|rubs?)|rubdowns?|rub\s+downs?|back\s*rubs?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrdinaryMassage();

    // Already the synonyms' own words for an ordinary massage (synonyms.txt): read as typed.
    [GeneratedRegex(@"^(?:ordinary|regular|normal|usual)\s+massage$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlreadyOrdinary();

    private const string Limb = @"(?:legs?|arms?|feet|foot|ankles?|limbs?|calf|calves|thighs?|hands?)";

    // "heavy achy legs", "a heavy feeling in my swollen ankles", "my legs are so heavy", "tired legs": heaviness within a few
    // words of a limb.
    [GeneratedRegex(
        @"\b(?:heavy|heavier|heaviness|leaden|tired|weary)\b(?=(?:[\s,]+[\p{L}']+){0,6}?[\s,]+" + Limb + @"\b)|(?<=\b" + Limb + @"\b(?:[\s,]+[\p{L}']+){0,4}?[\s,]+)(?:heavy|heavier|heaviness|leaden|tired|weary)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeavyLimb();

    // "no chest pain or anything, just my ankles are puffy", "not short of breath, only heavy legs": what is denied before
    // "just" or "only" is not asked about (triage reads the denial on its own terms: SafetyTriage), the rest is.
    [GeneratedRegex(
        @"(?:^|(?<=[.!?;]\s*))\s*(?:no|not|never|without|(?:haven't|havent|have\s+not)\s+(?:got|had)|(?:don't|dont|do\s+not)\s+have)\b[^.!?;,]{1,60},\s*(?=(?:(?:it's|its|it\s+is|i|i'm|im|i\s+am|i\s+just|they're|theyre|they\s+are)\s+)?(?:just|only|simply|merely)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedBeforeJust();

    // The session that might hurt is the massage: "will my first mld session be painful" asks about its pressure alone.
    [GeneratedRegex(@"\b(?:session|treatment)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionWord();

    private const string Swollen = @"(?:swollen|swelling|swells|swell|puffy|puffiness|bloated)";

    // "my swollen legs ache", "the aching that comes with swelling", "swollen, achy ankles": an ache named with the swelling
    // it comes with is the discomfort the source says drainage relieves, not a sore muscle after a workout.
    [GeneratedRegex(
        @"\b(?:ache|aches|aching|achy|achey|achiness)\b(?=(?:[\s,]+[\p{L}']+){0,5}?[\s,]+" + Swollen + @"\b)|(?<=\b" + Swollen + @"\b(?:[\s,]+[\p{L}']+){0,5}?[\s,]+)(?:ache|aches|aching|achy|achey|achiness)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AchingSwelling();

    // "would regular lymphatic massage help?": done regularly, the therapy is still what is asked about (a routine is asked
    // by its own words: "as part of my routine"). Before "massage" alone, "regular" is an ordinary massage (synonyms.txt).
    [GeneratedRegex(@"\bregular(?:ly)?\s+(?=(?:lymph|lymphatic|mld|manual)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegularTherapy();

    // "when does lymphedema show up", "when do the effects kick in": when something comes about, like "happen".
    [GeneratedRegex(@"\b(?:show|shows|showed|showing|turn|turns|turned|crop|crops|cropped|pop|pops|popped)\s+up\b|\b(?:kick|kicks|kicked|set|sets)\s+in\b(?!\s+(?:a|an|the|order|sequence|stone)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComesAbout();

    // "why does my therapist do pumping movements", "does the masseuse use circles": who does it, before what they do,
    // is not what is asked about.
    [GeneratedRegex(
        @"\b(?<aux>does|did|do|will|would|should|can|could)\s+(?:my|the|your|a|an|their|this|that)\s+(?:(?:lymph|lymphatic|mld|massage|drainage)\s+){0,2}"
        + @"(?:therapists?|practitioners?|masseuses?|masseurs?|physios?|physiotherapists?|specialists?)\s+(?=(?:do|use|make|perform|start|begin|finish)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PractitionerDoing();

    // "is it painful to have mld", "does lymphatic massage hurt", "will the session be uncomfortable": the massage hurting.
    [GeneratedRegex(
        @"(?<lead>\b(?:is|will|would|does|can|could)\s+(?:it|this|mld|(?:the|a|an|my|your)\s+(?:first\s+|next\s+)?(?:(?:lymph|lymphatic|mld)\s+)?(?:massage|drainage|session|treatment)|(?:lymph|lymphatic)\s+(?:massage|drainage))\s+(?:be\s+|feel\s+|ever\s+)?)(?:painful|hurt|hurts|sore|uncomfortable)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItHurts();

    // "is it only for sick people", "is lymph drainage just meant for athletes": who it is for.
    [GeneratedRegex(
        @"\b(?:is|are)\s+(?:it|this|that|they|mld|(?:lymph|lymphatic)\s+(?:drainage|massage)s?)\s+(?:only|just|solely|purely|mainly|mostly)\s+(?:meant\s+|intended\s+|designed\s+)?for\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnlyFor();

    // "what does the therapist actually do to you", "what will a lymph practitioner do": what they do is the session.
    [GeneratedRegex(
        @"\bwhat\s+(?:does|will|would|do|did|is)\s+(?:the|a|an|my|your|their|this)\s+(?:(?:lymph|lymphatic|mld|massage|drainage)\s+){0,2}"
        + @"(?:therapists?|practitioners?|masseuses?|masseurs?|specialists?|physios?|physiotherapists?|professionals?|pros?)\s+"
        + @"(?:(?:actually|exactly|really|even|usually|typically|normally|going\s+to|gonna)\s+)?(?:do|doing)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatThePractitionerDoes();

    // After an age comes no unit: "I'm 72 kg", "at 8 am", "is 37 degrees", "now 5 days later", "pain is 7/10" are no ages.
    private const string NoUnit =
        @"(?![.,:/]?\d|\s*(?:%|°|\+|-|(?:am|pm|a\.m|p\.m|kgs?|kilos?|lbs?|pounds?|stone|st|cm|mm|inch\w*|ft|feet|hours?|hrs?|h|"
        + @"minutes?|mins?|m|secs?|seconds?|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y|times?|x|sessions?|percent|degrees?|"
        + @"c|f|out|k|th|st|nd|rd|miles?|km|steps?|litres?|liters?|l|ml|oz|mg|bpm|calories|cals?|s|o'clock|oclock)\b))";

    // "I'm 72", "my mum is 85", "dad's 90", "at 68", "aged 40", "turning 60": a person and a number with no unit after it.
    // "at" and "is" take ages of 13 and over, so a time ("at 5") or a score ("my pain is 7") is no age.
    [GeneratedRegex(
        @"(?:\b(?:i'm|im|i\s+am|he's|she's|hes|shes|who's|whos|aged?|turning|turned|turns|now)|(?<=\p{L})'s)\s+\d{1,3}\b" + NoUnit
        + @"|\b(?:is|at)\s+(?:1[3-9]|[2-9]\d|1[01]\d)\b" + NoUnit
        + @"|\bwho\s+is\s+\d{1,2}\b" + NoUnit,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareAge();

    // "does it speed up healing or just make you feel nice?", "is it good for cellulite or is it just relaxing?": an
    // alternative offered with "just" or "only" is the lesser reading the asker suspects, not a second question; the
    // first half is what is asked, and answering the lesser half would read as a "yes" to the first.
    [GeneratedRegex(
        @"[\s,]+or\s+(?:(?:is|does|do|would|will|should|can|could|am|are)\s+(?:it|that|this|they|i|you)\s+|it's\s+|its\s+|that's\s+|thats\s+)?(?:just|only|merely|simply)\b[^.?!;]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LesserAlternative();

    // "…, is it just a normal massage or something different?", "does it help athletes or not", "should I ask my GP
    // first or is that overkill": the last alternative only doubts the first, which is the question.
    [GeneratedRegex(
        @"[\s,]+or\s+(?:not|no|something\s+(?:else|different)|anything\s+else|just\s+[\p{L}'-]+|(?:is|was|am|are)\s+(?:that|it|i|this)\s+(?:\w+\s+)?[\p{L}'-]+)(?=\s*(?:[?.!]|$))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThrowawayAlternative();

    // A marker of exclusion, then the subject it excludes: up to four words, ending where the question resumes (a
    // comma or other mark, an asking word, or the therapy itself).
    [GeneratedRegex(
        @"\b(?:besides|apart from|aside from|other than|except for|except|excluding|not counting|not including|in addition to)"
        + @"(?:\s+(?!(?:what|whats|what's|which|how|why|who|when|where|does|do|did|is|are|can|could|will|would|should|any|anything|there|it|this|that|lymph\w*|mld|massage|drainage)\b)[\p{L}\p{N}'-]+){1,4}"
        + @"(?=\s*(?:[.,;:!?]|$|(?:what|whats|what's|which|how|why|who|when|where|does|do|did|is|are|can|could|will|would|should|any|anything|there|it|this|lymph\w*|mld)\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Excluded();

    // A limb, a few words, then a comparison ("like …", "as big as …", "the size of …") of up to four words, ending at a
    // mark or at a word that carries the sentence on ("by the evening", "after work", "and").
    [GeneratedRegex(
        @"(?<lead>\b(?:legs?|arms?|ankles?|foot|feet|hands?|fingers?|toes?|calf|calves|thighs?|knees?|wrists?|shins?|limbs?)\b(?:\s+[\p{L}\p{N}']+){0,5}?)\s+"
        + @"(?:(?:kind of|kinda|almost|literally|just|so)\s+)?(?:like|as\s+(?:big|fat|thick|wide|round|puffy|heavy|large|swollen|huge)\s+as|the\s+size\s+of)"
        + @"(?:\s+(?!(?:by|after|at|in|on|when|whenever|every|all|from|and|but|so|or|during|since|because|each|would|could|can|does|do|will|is|should|what|how|if|until|till|before)\b)[\p{L}\p{N}'-]+){1,4}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Simile();

    [GeneratedRegex(
        @"\b(people|person|someone|somebody|anyone|anybody|those|everyone|everybody|folks|women|men|patients|clients)\s+who\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeWho();
}
