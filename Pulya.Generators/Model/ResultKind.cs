namespace Pulya.Generators.Model;

/// <summary>How a handler's return value becomes the endpoint's result.</summary>
internal enum ResultKind
{
    Void,
    Task,
    ValueTask,
    TaskOf,
    ValueTaskOf,
    Value,
}
