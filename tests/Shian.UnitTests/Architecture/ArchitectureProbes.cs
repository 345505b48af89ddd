using Microsoft.EntityFrameworkCore;
using Shian.Data;

// Deliberate boundary violations, compiled into the test assembly only: ModuleBoundaryTests proves its rules find them.
// Never copy these into src/.
#pragma warning disable CA1812 // never instantiated: only their compiled dependencies matter

namespace Shian.Registry.ArchitectureProbe
{
    /// <summary>A Registry type reading Sampling's table.</summary>
    internal sealed class ReadsSamplingTable(ShianDb db)
    {
        public Task<int> CountAsync() => db.Set<Shian.Sampling.Domain.Sample>().CountAsync();
    }

    /// <summary>A Registry type calling Sampling's service.</summary>
    internal sealed class UsesSamplingService(Shian.Sampling.Samples samples)
    {
        public object Service => samples;
    }

    /// <summary>A Registry type reading its own table past the region filter.</summary>
    internal sealed class BypassesFilter(ShianDb db)
    {
        public Task<int> CountAsync() => db.Set<Shian.Registry.Domain.Business>().IgnoreQueryFilters().CountAsync();
    }
}

namespace Shian.Inspections.ArchitectureProbe
{
    /// <summary>Allowed: another module through its Contracts.</summary>
    internal sealed class UsesRegistryContracts(Shian.Registry.Contracts.IBusinessDirectory directory)
    {
        public object Directory => directory;
    }
}

namespace Shian.Kernel.ArchitectureProbe
{
    /// <summary>The kernel using a module's internals.</summary>
    internal sealed class KernelUsesRegistry(Shian.Registry.RegistryService registry)
    {
        public object Registry => registry;
    }
}
