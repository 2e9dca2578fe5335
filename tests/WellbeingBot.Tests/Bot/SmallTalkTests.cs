using WellbeingBot.Bot;

namespace WellbeingBot.Tests.Bot;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hi", SmallTalkKind.Greeting)]
    [InlineData("are you a real person or a bot?", SmallTalkKind.Greeting)]
    [InlineData("who made this chatbot", SmallTalkKind.Greeting)]
    [InlineData("r u human", SmallTalkKind.Greeting)]
    [InlineData("thanks so much", SmallTalkKind.Thanks)]
    [InlineData("tell me more", SmallTalkKind.More)]
    [InlineData("Show the full answer", SmallTalkKind.More)]
    [InlineData("privacy", SmallTalkKind.Privacy)]
    [InlineData("do you store my messages?", SmallTalkKind.Privacy)]
    [InlineData("What do you know about me?", SmallTalkKind.WhatDoYouKnow)]
    [InlineData("forget me", SmallTalkKind.ForgetMe)]
    [InlineData("please delete my data", SmallTalkKind.ForgetMe)]
    [InlineData("my country is Ireland", SmallTalkKind.SetCountry)]
    [InlineData("I live in the UK", SmallTalkKind.SetCountry)]
    [InlineData("please set my country to New Zealand.", SmallTalkKind.SetCountry)]
    [InlineData("i'm based in Canada", SmallTalkKind.SetCountry)]
    [InlineData("i live in ireland, is ketamine legal there?", SmallTalkKind.None)]
    [InlineData("is spravato approved in Germany", SmallTalkKind.None)]
    [InlineData("can I forget to take my antidepressant before spravato", SmallTalkKind.None)]
    [InlineData("is ketamine addictive?", SmallTalkKind.None)]
    [InlineData("what are the side effects of spravato", SmallTalkKind.None)]
    [InlineData("more infusions or fewer, what do studies say", SmallTalkKind.None)]
    [InlineData("my psychiatrist asked whether I'd be a good candidate, are you able to tell me what that depends on for ketamine treatment in general?", SmallTalkKind.None)]
    public void Messages_are_classified_before_any_search(string text, SmallTalkKind expected) =>
        Assert.Equal(expected, SmallTalk.Classify(text));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes, remember it", true)]
    [InlineData("Yes, keep count", true)]
    [InlineData("Yes, remind me", true)]
    [InlineData("sure", true)]
    [InlineData("No, just for now", false)]
    [InlineData("no thanks", false)]
    [InlineData("don't store anything", false)]
    [InlineData("what is esketamine?", null)]
    [InlineData("Yes, forget me", null)]
    public void The_consent_question_takes_a_plain_yes_or_no_and_nothing_else(string text, bool? expected) =>
        Assert.Equal(expected, PrivacyCommands.ConsentAnswer(text));

    [Theory]
    [InlineData("Yes, forget me", true)]
    [InlineData("yes", true)]
    [InlineData("delete it", true)]
    [InlineData("No, keep it", false)]
    [InlineData("Yes, remember it", null)]
    [InlineData("how long does spravato last", null)]
    public void The_forget_question_takes_a_plain_yes_or_no_and_nothing_else(string text, bool? expected) =>
        Assert.Equal(expected, PrivacyCommands.ForgetAnswer(text));
}
