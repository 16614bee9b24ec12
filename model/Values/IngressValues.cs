namespace Cogrion.Infra;

/// <summary>An Ingress of one of our own charts.</summary>
public partial record IngressValues
{
    /// <summary>Whether the chart creates its Ingress.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The ingress class that serves it.</summary>
    public string ClassName { get; init; } = Conventions.IngressClass;

    /// <summary>The path prefix routed to the service.</summary>
    public string Path { get; init; } = "/";
}

/// <summary>A Kubernetes Service of one of our own charts.</summary>
public partial record ServiceValues
{
    /// <summary>The Service port.</summary>
    public int Port { get; init; } = 80;

    /// <summary>The container port it forwards to.</summary>
    public int TargetPort { get; init; } = 8080;
}
