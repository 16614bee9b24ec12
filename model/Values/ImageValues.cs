namespace Cogrion.Infra;

/// <summary>When the kubelet pulls an image.</summary>
public enum PullPolicy
{
    IfNotPresent,
    Always,
    Never,
}

/// <summary>A container image of ours, pinned to a commit.</summary>
public partial record ImageValues
{
    /// <summary>The image repository, without a tag.</summary>
    public required string Repository { get; init; }

    /// <summary>The immutable tag, from model/releases.yaml.</summary>
    public required ImageTag Tag { get; init; }

    /// <summary>When to pull the image; tags never move, so pulling once is enough.</summary>
    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;
}
