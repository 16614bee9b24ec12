using System.Collections;

namespace Cogrion.InfraGen;

/// <summary>
/// The IAM roles Terraform creates for a cluster's apps (IAM roles for service accounts), by app: an app whose values
/// read <see cref="AppContext.IamRoleArn"/> gets its role's ARN, typically as its service account's
/// <c>eks.amazonaws.com/role-arn</c> annotation. Written <c>IamRoles = new() { [ExternalSecrets.App] = "arn:aws:iam::…" }</c>.
/// </summary>
public sealed class IamRoles : IEnumerable<KeyValuePair<App, string>>, IEquatable<IamRoles>
{
    private readonly List<KeyValuePair<App, string>> _roles = [];

    /// <summary>No roles yet; add them with the indexer in an object initializer.</summary>
    public IamRoles()
    {
    }

    /// <summary>The given roles (for code that builds clusters in a loop).</summary>
    public IamRoles(IEnumerable<KeyValuePair<App, string>> roles) => _roles = [.. roles];

    /// <summary>The role ARN of <paramref name="app"/>; throws when the cluster declares none for it.</summary>
    public string this[App app]
    {
        get => Find(app.Name) ?? throw new KeyNotFoundException($"No IAM role for app '{app.Name}'.");
        init
        {
            _roles.RemoveAll(r => ReferenceEquals(r.Key, app));
            _roles.Add(new(app, value));
        }
    }

    /// <summary>How many apps have a role.</summary>
    public int Count => _roles.Count;

    /// <summary>The role ARN of the app named <paramref name="app"/>, or null.</summary>
    public string? Find(string app) => _roles.FirstOrDefault(r => r.Key.Name == app).Value;

    /// <summary>
    /// The same roles for the same apps: <see cref="Cluster"/> is a record, and two loads of one model must give equal
    /// clusters (the render stage and its checks join on them).
    /// </summary>
    public bool Equals(IamRoles? other) =>
        other is not null && other._roles.Count == _roles.Count
        && _roles.All(r => other._roles.Any(o => ReferenceEquals(o.Key, r.Key) && o.Value == r.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IamRoles);

    /// <inheritdoc />
    public override int GetHashCode() => _roles.Aggregate(_roles.Count, (hash, r) => hash ^ StringComparer.Ordinal.GetHashCode(r.Value));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<App, string>> GetEnumerator() => _roles.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
