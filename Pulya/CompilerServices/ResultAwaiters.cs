using System.ComponentModel;

namespace Pulya.CompilerServices;

/// <summary>
/// Awaits a handler's task and boxes its result; a completed task costs no allocation beyond the box. Every endpoint
/// binder (runtime-compiled or source-generated) uses these. Not meant for application code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultAwaiters
{
    /// <summary>Awaits <paramref name="task"/>; the result is null (no content).</summary>
    public static async ValueTask<object?> Task(Task task)
    {
        await task;
        return null;
    }

    /// <summary>Awaits <paramref name="task"/>; the result is null (no content).</summary>
    public static async ValueTask<object?> ValueTask(ValueTask task)
    {
        await task;
        return null;
    }

    /// <summary>Awaits <paramref name="task"/> and boxes its result.</summary>
    public static ValueTask<object?> TaskOf<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);
    }

    /// <summary>Awaits <paramref name="task"/> and boxes its result.</summary>
    public static ValueTask<object?> ValueTaskOf<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitValue(task);

    private static async ValueTask<object?> Await<T>(Task<T> task) => await task;

    private static async ValueTask<object?> AwaitValue<T>(ValueTask<T> task) => await task;
}
