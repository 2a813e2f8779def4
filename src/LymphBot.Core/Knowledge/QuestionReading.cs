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
        var text = Excluded().Replace(question, " ");
        text = Simile().Replace(text, m => m.Groups["lead"].Value + " swollen");
        text = ThrowawayAlternative().Replace(text, "");
        text = LesserAlternative().Replace(text, "");
        text = WornItemTooTight().Replace(text, "swollen");
        text = TightOnWornItem().Replace(text, "swollen");
        text = LimbDisappears().Replace(text, "${limb} swollen");
        text = BareAge().Replace(text, m => m.Value + " years old");
        text = AskingForTips().Replace(text, "");
        text = WhatThePractitionerDoes().Replace(text, "what happens in a session");
        text = OnlyFor().Replace(text, "who is it for");
        text = ItHurts().Replace(text, "${lead}firm pressure");
        text = AfterASession().Replace(text, "");
        text = InvasiveExamples().Replace(text, "${lead} invasive");
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
