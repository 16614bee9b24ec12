using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.EndToEnd.Support;

/// <summary>
/// The reusable deploy workflow (<c>.github/workflows/deploy-dev.yml</c>) as GitHub would read it: its inputs, the job's
/// environment, its steps' actions and scripts, and the <c>infragen</c> commands those scripts run, with their
/// arguments expanded by bash from the environment a given call produces.
/// </summary>
public sealed partial class DeployWorkflow
{
    private readonly YamlMappingNode _root;

    private DeployWorkflow(YamlMappingNode root) => _root = root;

    public static DeployWorkflow Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return new DeployWorkflow((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>The <c>workflow_call</c> inputs, with their defaults (null when none).</summary>
    public IReadOnlyDictionary<string, string?> Inputs =>
        Map(Map(Map(_root, "on"), "workflow_call"), "inputs").Children.ToDictionary(
            i => i.Key.ToString(),
            i => ((YamlMappingNode)i.Value).Children.TryGetValue(new YamlScalarNode("default"), out var value) ? value.ToString() : null);

    /// <summary>Every step of every job.</summary>
    public IEnumerable<YamlMappingNode> Steps =>
        Map(_root, "jobs").Children.Values.Cast<YamlMappingNode>().SelectMany(job => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>());

    /// <summary>The actions the steps use (<c>actions/checkout@v4</c>).</summary>
    public IEnumerable<string> Actions => Steps.Where(s => s.Children.ContainsKey("uses")).Select(s => s["uses"].ToString());

    /// <summary>The steps' shell scripts.</summary>
    public IEnumerable<string> Scripts => Steps.Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString());

    /// <summary>
    /// The argument lists of every <c>infragen</c> command in the scripts, as bash expands them in the environment of
    /// a call with <paramref name="inputs"/> (over the inputs' defaults).
    /// </summary>
    public IReadOnlyList<string[]> InfragenCommands(IReadOnlyDictionary<string, string> inputs, string workingDirectory)
    {
        var values = Inputs.Where(i => i.Value is not null).ToDictionary(i => i.Key, i => i.Value!);
        foreach (var (key, value) in inputs)
        {
            values[key] = value;
        }

        var environment = new Dictionary<string, string>();
        foreach (var job in Map(_root, "jobs").Children.Values.Cast<YamlMappingNode>())
        {
            foreach (var (key, value) in Map(job, "env").Children)
            {
                environment[key.ToString()] = Expression().Replace(value.ToString(), m => m.Groups["scope"].Value == "inputs" ? values.GetValueOrDefault(m.Groups["name"].Value, "") : "");
            }
        }

        var commands = new List<string[]>();
        foreach (var line in Scripts.SelectMany(s => s.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')))
        {
            var text = line.Trim();
            if (!text.StartsWith("infragen ", StringComparison.Ordinal))
            {
                continue;
            }

            // bash itself expands the arguments ("$CLUSTER" and the like), exactly as the runner's shell would.
            var expanded = Command.Run("bash", ["-c", "printf '%s\\0' " + text["infragen ".Length..]], workingDirectory, environment);
            Assert.True(expanded.ExitCode == 0, expanded.ToString());
            commands.Add(expanded.Output.Split('\0')[..^1]); // Each argument ends with a NUL; an empty one stays.
        }

        return commands;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    [GeneratedRegex(@"\$\{\{\s*(?<scope>\w+)\.(?<name>[\w-]+)\s*\}\}")]
    private static partial Regex Expression();
}
