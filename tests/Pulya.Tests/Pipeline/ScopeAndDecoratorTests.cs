using Microsoft.Extensions.DependencyInjection;
using Pulya.Routing;
using static Pulya.Tests.TestApp;
using Pulya.Testing;

namespace Pulya.Tests.Pipeline;

public abstract class ScopeAndDecoratorTests(TestTransport transport) : TransportTests(transport)
{
    [Fact]
    public async Task Request_scopes_are_disposed_even_when_disposal_completes_asynchronously()
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await StartAsync(
            app => app.MapGet("/", (SlowDisposable resource) => resource.Name),
            builder =>
            {
                builder.Services.AddSingleton(disposed).AddScoped<SlowDisposable>();
                builder.Pulya.AddPoolProvider<SignallingPoolProvider>("Signalling");
            },
            "--Pulya:PoolProvider=Signalling");
        var pools = (SignallingPoolProvider)client.Application.Services.GetRequiredKeyedService<Pulya.Pooling.IRequestPoolProvider>("Signalling");

        Assert.Equal("slow", await client.Client.GetStringAsync(Path("/")));

        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await pools.Returned.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Registered_router_decorators_wrap_the_selected_router_once()
    {
        await using var client = await StartAsync(
            app => app.MapGet("/x", () => "x"),
            builder => builder.Pulya.AddRouterDecorator<CountingDecorator>("Counting").AddRouterDecorator<CountingDecorator>("Counting"));

        Assert.Equal("x", await client.Client.GetStringAsync(Path("/x")));
        Assert.Equal("x", await client.Client.GetStringAsync(Path("/x")));

        var router = Assert.IsType<CountingRouter>(client.Application.Router);
        Assert.Equal(2, router.Matches);
        Assert.IsType<LinearRouter>(router.Inner);
    }

    [Fact]
    public void Add_pulya_twice_keeps_one_registration_and_applies_the_configure_callback()
    {
        var services = new ServiceCollection();

        services.AddPulya().AddRouter<LinearRouterFactory>("Linear");
        services.AddPulya(configure: o => o.Router = "Custom").AddRouter<LinearRouterFactory>("Custom");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("Custom", provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PulyaOptions>>().Value.Router);
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IRouterFactory) && d.IsKeyedService));
        Assert.IsType<LinearRouter>(provider.GetRequiredKeyedService<IRouterFactory>("Custom").Create(new RouteTable([])));
    }

    public sealed class SlowDisposable(TaskCompletionSource disposed) : IAsyncDisposable
    {
        public string Name => "slow";

        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            disposed.SetResult();
        }
    }

    /// <summary>Signals when the pipeline gives a context back, which it does only after the request's scope is disposed.</summary>
    public sealed class SignallingPoolProvider : Pulya.Pooling.IRequestPoolProvider
    {
        public TaskCompletionSource Returned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Pulya.Pooling.IRequestPool<T> Create<T>(Func<T> create)
            where T : class, Pulya.Pooling.IPoolable => new Pool<T>(this, create);

        private sealed class Pool<T>(SignallingPoolProvider owner, Func<T> create) : Pulya.Pooling.IRequestPool<T>
            where T : class, Pulya.Pooling.IPoolable
        {
            public T Rent() => create();

            public void Return(T item) => owner.Returned.TrySetResult();
        }
    }

    public sealed class CountingDecorator : IRouterDecorator
    {
        public IRouter Decorate(IRouter inner) => new CountingRouter(inner);
    }

    public sealed class CountingRouter(IRouter inner) : IRouter
    {
        public int Matches;

        public IRouter Inner => inner;

        public RouteTable Table => inner.Table;

        public RouteMatch Match(string method, string path, Span<Range> values)
        {
            Interlocked.Increment(ref Matches);
            return inner.Match(method, path, values);
        }
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : ScopeAndDecoratorTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : ScopeAndDecoratorTests(TestTransport.Kestrel);
}
