using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    internal static partial class Parser
    {
        /// <summary>The YAML key: <c>[YamlName]</c>, else the property name in camelCase (as System.Text.Json does it).</summary>
        public static string YamlKey(IPropertySymbol property, KnownTypeSymbols known, out Location location)
        {
            var attribute = KnownTypeSymbols.Attribute(property, known.YamlNameAttribute);
            location = attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? property.Locations[0];
            return attribute is null ? CamelCase(property.Name) : attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        }

        /// <summary>System.Text.Json's camelCase: the leading run of upper-case letters is lowered, but not the start of the next word.</summary>
        public static string CamelCase(string name)
        {
            if (name.Length == 0 || !char.IsUpper(name[0]))
            {
                return name;
            }

            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (i == 1 && !char.IsUpper(chars[i]))
                {
                    break;
                }

                var hasNext = i + 1 < chars.Length;
                if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
                {
                    break;
                }

                chars[i] = char.ToLowerInvariant(chars[i]);
            }

            return new string(chars);
        }
    }
}
