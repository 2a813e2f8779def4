namespace LymphBot.Core.Knowledge;

/// <summary>
/// Words that carry no subject in a chat question, so an entry that lacks them has lost nothing: function words,
/// question words, pronouns, auxiliaries, hedges and intensifiers ("exactly", "even", "really"), greetings and
/// forum chatter ("just need a straight answer"), generic verbs and adjectives, time references, and the limbs
/// where swelling usually is. Everything else a question says is content that an answer must cover, which is how
/// a question about a subject the source never mentions ("cellulite", "my face") is told from one it answers.
/// Red flags are matched before this list applies, on the full text.
/// </summary>
internal static class FillerWords
{
    public static readonly string[] All =
    [
        // Articles, conjunctions, prepositions.
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "unless", "than", "then", "because", "since", "as",
        "although", "though", "while", "whereas", "whether", "of", "to", "in", "into", "on", "onto", "at", "by", "for", "from",
        "with", "within", "without", "about", "above", "across", "against", "along", "among", "around", "behind", "below",
        "beneath", "beside", "besides", "between", "beyond", "despite", "down", "except", "inside", "near", "off", "out",
        "outside", "over", "past", "per", "through", "throughout", "till", "toward", "towards", "under", "underneath",
        "until", "up", "upon", "round", "via", "like", "such", "after", "before", "during", "afterwards", "also", "either", "neither",

        // Pronouns, determiners, quantities.
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "he", "him", "his", "she", "her", "hers",
        "it", "its", "itself", "we", "us", "our", "ours", "they", "them", "their", "theirs", "themselves", "this", "that",
        "these", "those", "there", "here", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "no",
        "nobody", "nothing", "anything", "something", "everything", "everywhere", "anywhere", "somewhere", "nowhere", "one", "ones", "all", "any", "some", "many", "much",
        "more", "most", "few", "several", "each", "every", "both", "other", "others", "another", "own", "same", "lot",
        "lots", "bit", "little", "whole",

        // Question words and auxiliaries, with and without apostrophes ("who" and "why" stay: who it is for and why
        // it matters are subjects of their own).
        "what", "whats", "what's", "which", "whom", "whose", "how", "hows", "how's", "when", "where",
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
        "doing", "done", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "ought", "not",
        "s", "t", "d", "ll", "re", "ve", "m", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "wouldn",
        "shouldn", "couldn", "can't", "cant", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt",
        "aren't", "arent", "wasn't", "won't", "wont", "wouldn't", "wouldnt", "shouldn't", "shouldnt", "couldn't",
        "couldnt", "i'm", "im", "i've", "ive", "i'd", "id", "i'll", "ill", "you're", "youre", "it's", "that's", "thats",
        "there's", "theres", "let's", "lets", "they're", "we're", "he's", "she's",

        // Hedges, intensifiers and discourse words.
        "actually", "really", "exactly", "even", "ever", "just", "only", "still", "already", "too", "very", "quite",
        "rather", "pretty", "basically", "literally", "seriously", "honestly", "truly", "definitely", "certainly",
        "probably", "possibly", "maybe", "perhaps", "generally", "usually", "normally", "typically", "commonly",
        "always", "never", "sometimes", "again", "anyway", "anyhow", "somehow", "else", "instead", "almost", "especially",
        "particularly", "mainly", "mostly", "simply", "totally", "completely", "fully", "highly", "super", "absolutely",
        "necessarily", "overall", "otherwise", "indeed", "well", "kind", "sort", "type", "way", "ways", "thing", "things",
        "stuff", "part", "whatever", "etc", "lol", "least", "atleast", "anyways", "alright",

        // Greetings and forum chatter.
        "hi", "hello", "hey", "thanks", "thank", "please", "pls", "plz", "ok", "okay", "yes", "yeah", "yep", "nope",
        "sorry", "guys", "folks", "question", "questions", "wondering", "wonder", "curious", "ask", "asking", "asked",
        "answer", "answers", "straight", "quick", "simple", "honest", "opinion", "take", "advice", "know", "knowing",
        "known", "knew", "think", "thought", "thoughts", "believe", "guess", "heard", "hear", "read", "told", "tell",
        "saying", "say", "says", "said", "see", "seen", "saw", "mean", "means", "meant", "true", "real", "myth",

        // Generic verbs.
        "get", "gets", "got", "getting", "gotten", "go", "goes", "going", "went", "gone", "come", "comes", "came",
        "coming", "make", "makes", "made", "making", "takes", "took", "taking", "give", "gives", "gave", "given",
        "giving", "put", "puts", "keep", "keeps", "kept", "let", "use", "uses", "used", "using", "try", "tries", "tried",
        "trying", "want", "wants", "wanted", "wanting", "like", "likes", "liked", "look", "looks", "looking", "find",
        "found", "seem", "seems", "seemed", "need", "needs", "needed", "require", "requires", "required", "feel",
        "feels", "felt", "feeling", "recommend", "recommended", "suggest", "allowed", "able", "possible", "supposed",
        "receive", "receiving", "explain", "describe", "plain", "words", "terms", "moment",

        // Generic adjectives.
        "good", "bad", "great", "best", "worst", "nice", "fine", "normal", "okay", "right", "wrong", "sure", "new",
        "old", "big", "small", "long", "short", "hard", "easy", "high", "low", "certain", "different", "general",
        "specific", "particular", "actual", "whole", "entire",

        // Time references.
        "now", "today", "tonight", "yesterday", "tomorrow", "lately", "recently", "currently", "ago", "last", "next",
        "first", "later", "early", "day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times",
        "morning", "evening", "hour", "hours", "minute", "minutes", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "daily", "weekly", "monthly", "summer", "winter", "spring", "autumn",
        "bedtime", "lunchtime", "dinnertime", "noon", "midday", "midnight",

        // How many or how long ("for three weeks", "twice"): without them the corrector read "three" as "there".
        "once", "twice", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "couple",

        // Everyday circumstances that explain a question without changing its subject ("from standing all day").
        "standing", "sitting", "walking", "desk", "office", "job", "flight", "flying", "travel", "travelling",
        "traveling",

        // People around the asker.
        "people", "person", "friend", "friends", "husband", "wife", "partner", "mom", "mum", "dad", "family", "woman",
        "women", "man", "men", "guy", "girl", "lady",

        // Limbs and their joints: where swelling, lymphedema and stiffness usually are, so naming one adds no subject
        // (face or belly would).
        "body", "leg", "legs", "arm", "arms", "ankle", "ankles", "foot", "feet", "hand", "hands", "knee", "knees",
        "calf", "calves", "thigh", "thighs", "hip", "hips", "shoulder", "shoulders", "limb", "limbs", "toe", "toes",
        "finger", "fingers", "wrist", "wrists", "elbow", "elbows", "shin", "shins", "forearm", "forearms", "joint", "joints",
        // Where the hands work in a session ("a pumping motion on the neck"); a swelling or a lump there is triaged first
        // as a lymph node (red-flags.md).
        "neck", "necks", "armpit", "armpits", "underarm", "underarms", "collarbone", "collarbones",
    ];
}
