namespace WellbeingBot.Knowledge;

/// <summary>Ranking weights, kept together so the evaluation can compare settings.</summary>
public sealed record KnowledgeBoosts(
    float Title = 2.0f,
    float Questions = 2.5f,
    float Body = 1.0f,
    float Fuzzy = 0.8f,
    int FuzzyMinLength = 4,
    double UnknownWeight = 0.5,
    double Phrasing = 1.0);
