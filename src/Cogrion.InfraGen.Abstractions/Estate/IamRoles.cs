using System.Collections;

namespace Cogrion.InfraGen;

/// <summary>
/// The IAM roles Terraform creates for a cluster's apps (IAM roles for service accounts), by app: an app whose values
/// read <see cref="AppContext.IamRoleArn"/> gets its role's ARN, typically as its service account's
/// <c>eks.amazonaws.com/role-arn</c> annotation. Written <c>IamRoles = new() { [ExternalSecrets.App] = "arn:aws:iam::…" }</c>.
/// </summary>
public sealed class IamRoles : IEnumerable<KeyValuePair<App, string>>
{
    private readonly List<KeyValuePair<App, string>> _roles = [];

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

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<App, string>> GetEnumerator() => _roles.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
