using System.Text.RegularExpressions;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// An independent oracle for how YAML readers resolve a plain scalar: the YAML 1.1 type regexes
/// (yaml.org/type) and the YAML 1.2 core schema. A plain string must match none of them.
/// </summary>
public static partial class YamlOracle
{
    public static bool ResolvesToNonString(string plain) =>
        Yaml11Bool().IsMatch(plain) || Yaml11Null().IsMatch(plain) || Yaml11Int().IsMatch(plain) || Yaml11Float().IsMatch(plain)
        || Yaml11Timestamp().IsMatch(plain) || plain is "<<" or "=" || Core12().IsMatch(plain);

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Yaml11Bool();

    [GeneratedRegex(@"^(~|null|Null|NULL|)$")]
    private static partial Regex Yaml11Null();

    [GeneratedRegex(@"^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$")]
    private static partial Regex Yaml11Int();

    [GeneratedRegex(@"^([-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Yaml11Float();

    [GeneratedRegex(@"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+|$)")]
    private static partial Regex Yaml11Timestamp();

    [GeneratedRegex(@"^(null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$")]
    private static partial Regex Core12();
}
