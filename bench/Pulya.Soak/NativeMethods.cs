using System.Runtime.InteropServices;

namespace Pulya.Soak;

/// <summary>POSIX <c>kill</c>, to stop the server with SIGTERM as a service manager would.</summary>
internal static partial class NativeMethods
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Kill(int pid, int signal);
}
