namespace Pulya.Binding;

/// <summary>Awaits a handler's task and boxes its result; a completed task costs no allocation beyond the box.</summary>
internal static class ResultAwaiters
{
    public static async ValueTask<object?> Task(Task task)
    {
        await task;
        return null;
    }

    public static async ValueTask<object?> ValueTask(ValueTask task)
    {
        await task;
        return null;
    }

    public static ValueTask<object?> TaskOf<T>(Task<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);

    public static ValueTask<object?> ValueTaskOf<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitValue(task);

    private static async ValueTask<object?> Await<T>(Task<T> task) => await task;

    private static async ValueTask<object?> AwaitValue<T>(ValueTask<T> task) => await task;
}
