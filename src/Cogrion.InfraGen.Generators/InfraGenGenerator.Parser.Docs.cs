using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    internal static partial class Parser
    {
        /// <summary>A constant initializer as a JSON literal for the schema's <c>default</c>; null when it is not a constant.</summary>
        private static string? DefaultJson(SemanticModel model, EqualsValueClauseSyntax initializer, ITypeSymbol type, CancellationToken cancellationToken)
        {
            var constant = model.GetConstantValue(initializer.Value, cancellationToken);
            return constant.HasValue ? ConstantJson(constant.Value, type) : null;
        }

        private static string? ConstantJson(object? value, ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
            {
                type = n.TypeArguments[0];
            }

            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
                return member is null ? null : JsonText.Quote(member.Name);
            }

            return value switch
            {
                null => "null",
                string s => JsonText.Quote(s),
                bool b => b ? "true" : "false",
                int i => i.ToString(CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture),
                decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        /// <summary>The <c>&lt;summary&gt;</c> of a symbol's XML doc comment as one line of plain text.</summary>
        private static string? Summary(ISymbol symbol)
        {
            var xml = symbol.GetDocumentationCommentXml(expandIncludes: false);
            if (string.IsNullOrWhiteSpace(xml))
            {
                return null;
            }

            try
            {
                var summary = XElement.Parse(xml).Element("summary");
                if (summary is null)
                {
                    return null;
                }

                var text = new StringBuilder();
                foreach (var node in summary.DescendantNodes())
                {
                    switch (node)
                    {
                        case XText t:
                            text.Append(t.Value);
                            break;
                        case XElement { Name.LocalName: "see" or "seealso" } e when !e.Nodes().Any():
                            var target = (string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? (string?)e.Attribute("href") ?? string.Empty;
                            var colon = target.IndexOf(':');
                            target = colon >= 0 ? target.Substring(colon + 1) : target;
                            text.Append(target.Substring(target.LastIndexOf('.') + 1));
                            break;
                        case XElement { Name.LocalName: "paramref" or "typeparamref" } e:
                            text.Append((string?)e.Attribute("name"));
                            break;
                    }
                }

                var collapsed = string.Join(" ", text.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
                return collapsed.Length == 0 ? null : collapsed;
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }
    }
}
