namespace Cogrion.Infra;

/// <summary>Container resource requests and limits.</summary>
public partial record ResourceRequirements
{
    /// <summary>What the scheduler reserves.</summary>
    public required ResourceList Requests { get; init; }

    /// <summary>The most the container may use.</summary>
    public ResourceList? Limits { get; init; }
}

/// <summary>A CPU and memory quantity pair.</summary>
public partial record ResourceList
{
    /// <summary>CPU, in cores or millicores.</summary>
    public Cpu? Cpu { get; init; }

    /// <summary>Memory, in binary units.</summary>
    public Memory? Memory { get; init; }
}

/// <summary>Resource sizes by environment, so every app scales the same way between dev and prod.</summary>
public static class Sizes
{
    /// <summary>A service's requests and limits: the seed's figures for the control plane.</summary>
    public static ResourceRequirements Service(Cluster cluster) => cluster.Env.IsProduction
        ? new() { Requests = new() { Cpu = Cpu.Millicores(250), Memory = Memory.Mi(512) }, Limits = new() { Memory = Memory.Gi(1) } }
        : new() { Requests = new() { Cpu = Cpu.Millicores(100), Memory = Memory.Mi(256) }, Limits = new() { Memory = Memory.Mi(512) } };

    /// <summary>A larger footprint for JVM and database-backed services.</summary>
    public static ResourceRequirements Large(Cluster cluster) => cluster.Env.IsProduction
        ? new() { Requests = new() { Cpu = Cpu.Millicores(500), Memory = Memory.Gi(1) }, Limits = new() { Memory = Memory.Gi(2) } }
        : new() { Requests = new() { Cpu = Cpu.Millicores(250), Memory = Memory.Mi(768) }, Limits = new() { Memory = Memory.Gi(1) } };
}
