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
    [InlineData("can I forget to take my antidepressant before spravato", SmallTalkKind.None)]
    [InlineData("is ketamine addictive?", SmallTalkKind.None)]
    [InlineData("what are the side effects of spravato", SmallTalkKind.None)]
    [InlineData("more infusions or fewer, what do studies say", SmallTalkKind.None)]
    [InlineData("my psychiatrist asked whether I'd be a good candidate, are you able to tell me what that depends on for ketamine treatment in general?", SmallTalkKind.None)]
    public void Messages_are_classified_before_any_search(string text, SmallTalkKind expected) =>
        Assert.Equal(expected, SmallTalk.Classify(text));
}
