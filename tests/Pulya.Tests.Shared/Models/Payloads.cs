namespace Pulya.Tests.Shared.Models;

// The JSON and MessagePack payloads several suites send and receive. Their shapes are what the suites assert on
// (property names, values); a suite whose assertions depend on a shape of its own keeps that type to itself.

/// <summary>A payload with one string, <c>{"name":"…"}</c>: the body or answer of an endpoint that needs some JSON.</summary>
public sealed record Item(string Name);

/// <summary>A payload with a string and a number, <c>{"name":"…","count":1}</c>.</summary>
public sealed record CountedItem(string Name, int Count);

/// <summary>A payload with a string id, <c>{"id":"…"}</c>: the answer of the traced and metered endpoints.</summary>
public sealed record KeyedItem(string Id);

/// <summary>A payload with a number id, <c>{"id":1}</c>.</summary>
public sealed record NumberedItem(int Id);

/// <summary>A note, <c>{"text":"…"}</c>: the body the authentication and middleware suites post.</summary>
public sealed record Note(string Text);

/// <summary>An object member a payload can fill with anything: the target of the serializers' type-name and depth checks.</summary>
public sealed class Holder
{
    public object? Value { get; set; }
}
