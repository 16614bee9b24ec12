using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml.Linq;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    /// <summary>Symbols to specs: everything the emitters need, as equatable values (no symbols escape).</summary>
    internal static class Parser
    {
        private static readonly HashSet<string> ListDefinitions = new(StringComparer.Ordinal)
        {
            "System.Collections.Generic.IEnumerable<T>",
            "System.Collections.Generic.IReadOnlyList<T>",
            "System.Collections.Generic.IReadOnlyCollection<T>",
            "System.Collections.Generic.IList<T>",
            "System.Collections.Generic.ICollection<T>",
            "System.Collections.Generic.List<T>",
        };

        private static readonly HashSet<string> DictionaryDefinitions = new(StringComparer.Ordinal)
        {
            "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>",
            "System.Collections.Generic.IDictionary<TKey, TValue>",
            "System.Collections.Generic.Dictionary<TKey, TValue>",
            "System.Collections.Generic.SortedDictionary<TKey, TValue>",
        };

        public static ValuesRootSpec? ParseRoot(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol root || !IsValuesRecord(root))
            {
                return null;
            }

            var chart = context.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string;
            if (chart is null || !DnsLabel.IsValid(chart))
            {
                return null;
            }

            var compilation = context.SemanticModel.Compilation;
            var records = new List<RecordSpec>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<INamedTypeSymbol>();
            queue.Enqueue(root);
            seen.Add(FullName(root));
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = queue.Dequeue();
                var record = ParseRecord(type, compilation, cancellationToken, reached =>
                {
                    if (seen.Add(FullName(reached)))
                    {
                        queue.Enqueue(reached);
                    }
                });
                if (record is null)
                {
                    return null; // An analyzer reports why; generating half a model would only add noise.
                }

                records.Add(record);
            }

            var span = root.Locations[0].GetLineSpan();
            return new ValuesRootSpec(chart, FullName(root), span.Path, span.StartLinePosition.Line + 1, records.ToEquatableArray());
        }

        /// <summary>A values record is a non-positional, top-level, partial record class.</summary>
        public static bool IsValuesRecord(INamedTypeSymbol type) =>
            type.IsRecord
            && type.TypeKind == TypeKind.Class
            && type.ContainingType is null
            && !type.IsGenericType
            && type.DeclaringSyntaxReferences.Length > 0
            && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is RecordDeclarationSyntax { ParameterList: null } d
                && d.Modifiers.Any(m => m.Text == "partial"));

        public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        private static RecordSpec? ParseRecord(
            INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken, Action<INamedTypeSymbol> reach)
        {
            var properties = new List<PropertySpec>();
            foreach (var property in PublicProperties(type))
            {
                var typeRef = ParseType(property.Type, property.NullableAnnotation, reach, depth: 0);
                if (typeRef is null)
                {
                    return null;
                }

                var initializer = (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax)?.Initializer;
                string? defaultJson = null;
                if (initializer is not null)
                {
                    var model = compilation.GetSemanticModel(initializer.SyntaxTree);
                    var constant = model.GetConstantValue(initializer.Value, cancellationToken);
                    if (constant.HasValue)
                    {
                        defaultJson = ConstantJson(constant.Value, property.Type);
                    }
                }

                properties.Add(new PropertySpec(
                    property.Name,
                    YamlKey(property),
                    typeRef,
                    initializer is not null,
                    defaultJson,
                    Summary(property)));
            }

            return new RecordSpec(
                FullName(type),
                type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
                properties.ToEquatableArray(),
                Summary(type),
                type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared));
        }

        /// <summary>Public instance properties in declaration order (the output's key order).</summary>
        public static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type) =>
            type.GetMembers()
                .OfType<IPropertySymbol>()
                .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && !p.IsImplicitlyDeclared)
                .OrderBy(p => p.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(p => p.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0);

        /// <summary>The property's type as a <see cref="TypeRef"/>, or null when it cannot be rendered.</summary>
        public static TypeRef? ParseType(ITypeSymbol type, NullableAnnotation annotation, Action<INamedTypeSymbol>? reach, int depth)
        {
            if (depth > 8)
            {
                return null;
            }

            var nullable = annotation == NullableAnnotation.Annotated;
            var isValueType = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
            {
                type = n.TypeArguments[0];
                nullable = true;
                isValueType = true;
            }

            var name = FullName(type);
            TypeRef Simple(ValueKind kind) => new(kind, name, nullable, null, EquatableArray<string>.Empty, null, null) { IsValueType = isValueType };

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                    return Simple(ValueKind.String);
                case SpecialType.System_Boolean:
                    return Simple(ValueKind.Boolean);
                case SpecialType.System_Int32:
                    return Simple(ValueKind.Int32);
                case SpecialType.System_Int64:
                    return Simple(ValueKind.Int64);
                case SpecialType.System_Decimal:
                    return Simple(ValueKind.Decimal);
            }

            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name);
                return Simple(ValueKind.Enum) with { EnumMembers = members.ToEquatableArray() };
            }

            var scalarSchema = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ScalarSchemaAttribute);
            if (scalarSchema is not null && type.AllInterfaces.Any(i => i.ToDisplayString() == KnownNames.ScalarValueInterface))
            {
                var description = scalarSchema.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string;
                return Simple(ValueKind.Scalar) with
                {
                    Pattern = scalarSchema.ConstructorArguments.FirstOrDefault().Value as string,
                    Description = description,
                };
            }

            if (type is IArrayTypeSymbol { Rank: 1 } array)
            {
                var element = ParseType(array.ElementType, array.ElementNullableAnnotation, reach, depth + 1);
                return element is null ? null : Simple(ValueKind.List) with { Element = element };
            }

            if (type is INamedTypeSymbol named && named.IsGenericType)
            {
                var definition = named.OriginalDefinition.ToDisplayString();
                if (ListDefinitions.Contains(definition))
                {
                    var element = ParseType(named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], reach, depth + 1);
                    return element is null ? null : Simple(ValueKind.List) with { Element = element };
                }

                if (DictionaryDefinitions.Contains(definition) && named.TypeArguments[0].SpecialType == SpecialType.System_String)
                {
                    var element = ParseType(named.TypeArguments[1], named.TypeArgumentNullableAnnotations[1], reach, depth + 1);
                    return element is null ? null : Simple(ValueKind.Dictionary) with { Element = element };
                }

                return null;
            }

            if (type is INamedTypeSymbol record && IsValuesRecord(record))
            {
                reach?.Invoke(record);
                return Simple(ValueKind.Record);
            }

            return null;
        }

        /// <summary>The YAML key: <c>[YamlName]</c>, else the property name in camelCase (as System.Text.Json does it).</summary>
        public static string YamlKey(IPropertySymbol property)
        {
            var explicitName = property.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.YamlNameAttribute)?
                .ConstructorArguments.FirstOrDefault().Value as string;
            return explicitName ?? CamelCase(property.Name);
        }

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

        /// <summary>A compile-time constant as a JSON literal for the schema's <c>default</c>.</summary>
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
        public static string? Summary(ISymbol symbol)
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
