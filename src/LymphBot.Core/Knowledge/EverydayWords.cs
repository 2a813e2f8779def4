namespace LymphBot.Core.Knowledge;

/// <summary>
/// Everyday words that frame a question without naming its subject: abstract nouns ("goal", "difference", "levels"),
/// generic adjectives and verbs ("typical", "random", "involve"), where people heard about it ("tiktok", "youtube
/// vids"), chat shorthand ("w", "rn", "tbh"), and the circumstances of a story ("end of my shift", "nurse"). Unlike
/// <see cref="FillerWords"/> they are not dropped from the index, so the nearest wording still ranks first, but they
/// count for nothing in the confidence: unknown, such a word would weigh the most and make "what does a typical session
/// involve" look like a question about a subject the source never mentions, and known from one phrasing ("what kind of
/// movements are involved") it would split the question between two entries. Nothing here names a body part, a condition, a food, a product or a treatment: those are
/// the subjects the source may not cover (face, weight, cellulite, tea, boots). Inflections count too ("shifts").
/// </summary>
internal static class EverydayWords
{
    public static readonly string[] All =
    [
        // Abstract nouns that frame what is asked.
        "goal", "goals", "idea", "ideas", "reason", "reasons", "difference", "differences", "name", "names", "term",
        "fact", "facts", "detail", "details", "info", "information", "example", "examples", "level", "levels", "amount",
        "degree", "end", "middle", "beginning", "step", "steps", "process", "result", "outcome", "chance", "chances",
        "case", "situation", "deal", "hype", "fad", "trend", "trends", "craze", "buzz", "takeaway", "takeaways",
        "summary", "gist", "bottom", "line", "version", "lesson", "lessons", "class", "classes", "course", "tutorial",
        "tutorials", "basics", "overview", "topic", "subject", "category", "option", "options", "choice", "alternative",
        "place", "spot", "area", "bunch", "ton", "tons", "half", "form", "forms",
        "word", "definition", "define", "function", "functions", "functioning", "role", "roles", "importance", "important",
        "significance", "relevance", "relevant", "matter", "matters",

        // Generic adjectives and adverbs.
        "typical", "random", "fancy", "usual", "main", "primary", "biggest", "common", "popular", "basic", "proper", "various", "special", "similar", "exact",
        "major", "minor", "serious", "fake", "crazy", "weird", "strange", "silly", "dumb", "stupid",
        "awesome", "amazing", "cool", "terrible", "horrible", "ready", "likely", "unlikely", "obvious", "clear",
        "complicated", "complex", "fair", "legit", "decent", "ideal", "perfect", "top", "brutal", "insane",
        "key", "whole", "less",
        // How long a condition has lasted frames it without naming it ("an ongoing health condition").
        "existing", "preexisting", "pre-existing", "ongoing", "chronic", "underlying", "lifelong",
        "fewer", "stage", "stages", "grade", "barely", "hardly", "badly", "sadly", "oddly", "newly", "madly", "somewhat", "kinda", "sorta", "bunch", "ish", "vs", "versus", "etc",

        // Generic verbs.
        "involve", "involves", "involved", "consider", "decide", "plan", "planning",
        "bother", "call", "called", "compare", "comparing", "differ", "watch", "watching", "watched", "listen",
        "learned", "learnt", "hearing", "reading", "googled", "googling", "sum", "summarize", "summarise",
        "wonder", "figure", "understand", "leave", "leaves", "touched", "ripped", "rip", "scam", "scammed", "wasted", "spend",
        "spent", "notice", "noticed", "mention", "mentioned", "claim", "claims",
        "swear", "swears", "rave", "raves", "obsessed", "doing", "done", "post", "posting", "posted",
        // Doing it, in other words ("who performs it", "how is it carried out"): who and how are the subject.
        "share", "shares", "shared", "sharing", "perform", "performs", "performed", "performing", "administer", "administers", "administered", "carry", "carries", "carried",
        // What it acts on, asked in general ("which body system does it target", "how does lymph flow affect my
        // immunity"): the subject is what is acted on, never the verb.
        "affect", "affects", "affected", "affecting", "impact", "impacts", "influence", "influences", "target", "targets",
        "targeted", "targeting",
        // When something comes about ("when does lymphedema show up", "when does it happen"): the subject is what comes about.
        "happen", "happens", "happened", "happening", "appear", "appears", "appeared", "appearing", "occur", "occurs",
        "occurred", "occurring", "develop", "develops", "developed", "developing", "arise", "arises", "arose",
        // Putting something into the body is asked by what goes in ("do they stick needles in you"), never by the verb.
        "stick", "sticks",
        // Whether something is enough says nothing of what ("is that enough or do I need a pro"); how many sessions are
        // enough is a kind of question of its own (not-covered.md).
        "enough",
        // What the asker or a practitioner hopes for, and what changed for a friend ("it changed her life"), frame a story.
        "hope", "hopes", "hoped", "hoping", "change", "changes", "changed", "changing",
        // The verbs of a command ("list", "show", "stop", "pause") say what to do with a subject, never which one: "just
        // list the benefits" asks about benefits, and the bot's own entries are chosen by what they manage (reminders,
        // commands, tips), so a health question sharing one such verb with them is never a question about the bot.
        "list", "lists", "listed", "listing", "show", "shows", "showed", "showing", "stop", "stops", "stopped",
        "stopping", "pause", "paused", "pausing", "cancel", "cancels", "cancelled", "canceled", "resume", "turn", "turns",
        "manage", "managing",
        // What a practitioner does, called a trick, is asked by what it is done with (a trick to the breathing);
        // whether a claim holds is asked by the claim itself ("is there truth in that", "nah").
        "trick", "tricks", "truth", "nah", "nope", "yea",
        // How the asker feels about something the question names ("hate needles, is there anything that pierces the skin"):
        // the thing is the subject.
        "hate", "hates", "hated", "love", "loves", "loved", "terrified", "petrified",

        // People around the asker, beyond the closest ones in the filler words.
        "cousin", "cousins", "sister", "sisters", "brother", "brothers", "aunt", "uncle", "grandma", "grandmother",
        "grandpa", "grandfather", "mother", "father", "daughter", "son", "neighbor", "neighbour", "boyfriend",
        "girlfriend", "bf", "gf", "hubby", "bestie", "colleague", "colleagues", "roommate", "coach",

        // Where people heard about it.
        "tiktok", "tik", "tok", "instagram", "insta", "ig", "youtube", "yt", "reddit", "facebook", "fb", "google",
        "internet", "online", "web", "website", "video", "videos", "vid", "vids", "posts", "influencer",
        "influencers", "social", "media", "podcast", "article", "forum", "everyone", "everybody", "anyone", "reel", "reels",
        "clip", "clips", "ad", "ads", "advert", "adverts", "commercial", "site", "sites", "websites", "blog", "blogs",
        "blogger", "bloggers", "feed", "feeds", "timeline", "fyp", "algorithm", "leaflet", "leaflets", "brochure", "brochures", "pamphlet", "flyer", "menu",
        // What people make of what they read there, and how they want it said instead ("in plain english", "like I'm five").
        "jargon", "buzzwords", "buzzword", "fluff", "waffle", "gibberish", "sales", "pitch", "spiel", "speak", "pure",
        "english", "layman", "laymans", "layman's", "eli5", "dumbed", "confusing", "confused",

        // Chat shorthand and exclamations.
        "lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "omg", "idk", "tbh", "imo", "imho", "btw", "fyi", "ngl",
        "smh", "rn", "bc", "cuz", "coz", "cos", "tho", "thru", "u", "ur", "ya", "yall", "w", "gonna", "wanna", "gotta",
        "dunno", "bro", "dude", "sis", "hun", "babe", "ppl", "pls", "thx", "ty", "ugh", "wow", "yay", "ok", "k", "hmm",
        "um", "uh", "asap", "x", "xx", "diff",

        // Circumstances of a story.
        "shift", "shifts", "nurse", "nurses", "teacher", "waitress", "server", "cashier", "retail", "career",
        "coworker", "coworkers", "boss", "school", "college", "uni", "vacation", "holiday", "trip",
        "hot", "humid", "weather", "heat", "heatwave", "weekend", "weekends", "night", "nights", "afternoon", "afternoons", "hr", "hrs", "min", "mins", "sec", "wk",
        "wks",

        // Getting somewhere and being on the table: the circumstances of swelling after a journey or of a session,
        // never its subject ("after a long drive", "lie still on the table").
        "drive", "driving", "drove", "bus", "plane", "hike", "hiking", "hiked", "trek",
        "lie", "lying", "lay", "table", "couch",
    ];
}
