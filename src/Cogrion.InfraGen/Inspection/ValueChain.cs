namespace Cogrion.InfraGen.Inspection;

/// <summary>
/// From a values key to the code that set it, as the source generator recorded it (<see cref="ValueOrigins"/>): the
/// assignment in the app's values function, the assignment inside each model member it descends into
/// (<c>Global = Conventions.Global(…)</c>, then <c>BaseDomain = ServiceDomain(…)</c> in <c>Conventions.Global</c>), and
/// the members those assignments use, in the order they use them, each once: the chain to read from the value to
/// the convention behind it.
/// </summary>
public static class ValueChain
{
    /// <summary>How deep uses of uses are followed: a convention built on conventions, not the whole model.</summary>
    private const int MaxDepth = 6;

    /// <summary>
    /// The steps for <paramref name="key"/> (<c>global.baseDomain</c>, <c>rules[0].host</c>) of <paramref name="app"/>'s
    /// values, most direct first; empty when the generator recorded no assignment of it (a chart default, a catalog
    /// without origins).
    /// </summary>
    public static IReadOnlyList<Source> For(ValueOrigins origins, App app, string key)
    {
        var steps = new List<Source>();
        if (origins.Function(app.ValuesInfo.TypeName) is { } function)
        {
            new Walk(origins, steps).Assigned(function.At.File, function.Assignments, DocPaths.PropertyPath(key), $"the values function of {app.Name}");
        }

        return steps;
    }

    private sealed class Walk(ValueOrigins origins, List<Source> steps)
    {
        private readonly HashSet<string> _shown = new(StringComparer.Ordinal);

        /// <summary>
        /// The assignments that set <paramref name="path"/> or the nearest key holding it (one per condition), and from
        /// each, the member it descends into for the rest of the path and the members it uses. False when none does.
        /// </summary>
        public bool Assigned(string file, IReadOnlyList<ValueAssignment> assignments, string path, string owner)
        {
            var covering = assignments.Where(a => a.Path == path || path.StartsWith(a.Path + ".", StringComparison.Ordinal)).ToList();
            if (covering.Count == 0)
            {
                return false;
            }

            var longest = covering.Max(a => a.Path.Length);
            foreach (var assignment in covering.Where(a => a.Path.Length == longest))
            {
                var when = assignment.Condition is null ? string.Empty : $", when {assignment.Condition}";
                steps.Add(new Source(new SourceLocation(file, assignment.Line), $"{owner} sets {assignment.Path}{when}"));
                var rest = path.Length == assignment.Path.Length ? string.Empty : path[(assignment.Path.Length + 1)..];
                var into = rest.Length == 0 ? null : Reached(assignment.Uses)
                    .FirstOrDefault(m => m.Assignments.Count > 0 && Assigned(m.At.File, m.Assignments, rest, m.Name));
                if (into is not null)
                {
                    _shown.Add(into.Id);
                }

                foreach (var use in assignment.Uses)
                {
                    Used(use, depth: 0);
                }
            }

            return true;
        }

        /// <summary>The members <paramref name="uses"/> names, and through a local (var global = Conventions.Global(…)) what it holds.</summary>
        private IEnumerable<ModelMember> Reached(IEnumerable<string> uses)
        {
            foreach (var member in uses.Select(origins.Member).OfType<ModelMember>())
            {
                yield return member;
                if (member.Id.StartsWith("L:", StringComparison.Ordinal))
                {
                    foreach (var held in Reached(member.Uses))
                    {
                        yield return held;
                    }
                }
            }
        }

        /// <summary>A member an assignment (or another member) uses, then what it uses.</summary>
        private void Used(string id, int depth)
        {
            if (depth >= MaxDepth || !_shown.Add(id) || origins.Member(id) is not { } member)
            {
                return;
            }

            steps.Add(new Source(member.At, $"{(depth == 0 ? "which" : "then")} {Verb(id)} {member.Name}"));
            foreach (var use in member.Uses)
            {
                Used(use, depth + 1);
            }
        }

        private static string Verb(string id) => id[0] switch
        {
            'M' => "calls",
            'L' => "uses the local",
            _ => "reads",
        };
    }
}
