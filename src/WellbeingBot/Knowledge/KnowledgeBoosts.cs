namespace WellbeingBot.Knowledge;

/// <summary>Ranking weights, kept together so the evaluation can compare settings.</summary>
/// <param name="SubjectWeight">Least weight of a word naming the subject (ketamine, esketamine, Spravato) when matching phrasings.</param>
/// <param name="ExactPhrasing">Bonus for a question whose words are exactly those of one of the passage's phrasings.</param>
/// <param name="Context">Weight of a subject carried over from the previous answer, relative to a typed word.</param>
public sealed record KnowledgeBoosts(
    float Title = 2.0f,
    float Questions = 2.5f,
    float Body = 1.0f,
    float Fuzzy = 0.8f,
    int FuzzyMinLength = 5,
    double UnknownWeight = 0.5,
    double Phrasing = 1.0,
    float Context = 0.5f,
    double SubjectWeight = 2.0,
    double ExactPhrasing = 0.5);
