using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cogrion.InfraGen.Generators.Diagnostics;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    /// <summary>
    /// Symbols to specs: everything the emitters need, as equatable values (no symbols escape). The analyzers run
    /// the same walk and report its problems, so the generator skips exactly what they report.
    /// </summary>
    internal static partial class Parser
    {
        /// <summary>The generator's entry: the root's spec, or null when an analyzer reports why it cannot be generated.</summary>
        public static ValuesRootSpec? ParseRoot(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol root)
            {
                return null;
            }

            var chart = ChartName(context.Attributes[0]);
            if (chart is null || !DnsLabel.IsValid(chart))
            {
                return null; // INFRA0002
            }

            return new ValuesWalk(context.SemanticModel.Compilation, problems: null, cancellationToken).Read(root, chart);
        }

        /// <summary>
        /// Walks a root and every record it reaches. Returns null when anything cannot be generated; with
        /// <paramref name="problems"/> given, collects every problem instead of stopping at the first. Without a
        /// <paramref name="compilation"/> (the analyzers), defaults and descriptions are not read.
        /// </summary>
        public static ValuesRootSpec? ReadRoot(
            INamedTypeSymbol root, string chart, Compilation? compilation, List<ValuesProblem>? problems, CancellationToken cancellationToken) =>
            new ValuesWalk(compilation, problems, cancellationToken).Read(root, chart);

        /// <summary>The chart name of a <c>[HelmValues]</c> attribute.</summary>
        public static string? ChartName(AttributeData attribute) => attribute.ConstructorArguments.FirstOrDefault().Value as string;

        public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <summary>How a type is named in a diagnostic message.</summary>
        public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        /// <summary>Public instance properties with a public getter, in declaration order (the output's key order).</summary>
        public static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type) =>
            type.GetMembers()
                .OfType<IPropertySymbol>()
                .Where(p => !p.IsStatic && !p.IsIndexer && !p.IsImplicitlyDeclared
                    && p.DeclaredAccessibility == Accessibility.Public
                    && p.GetMethod is { DeclaredAccessibility: Accessibility.Public })
                .OrderBy(p => p.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(p => p.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0);

        /// <summary>A property linked to where it is declared and to the record it leads to, for cycles and origins.</summary>
        private sealed record PropertyLink(IPropertySymbol Property, string Key, string? Child);

        /// <summary>One walk from a root through every record it reaches.</summary>
        private sealed class ValuesWalk(Compilation? compilation, List<ValuesProblem>? problems, CancellationToken cancellationToken)
        {
            private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
            private readonly List<RecordSpec> _records = [];
            private readonly Dictionary<string, List<PropertyLink>> _links = new(StringComparer.Ordinal);
            private bool _failed;

            /// <summary>Without a problem list the first problem ends the walk: the generator only needs to know.</summary>
            private bool Stopped => _failed && problems is null;

            public ValuesRootSpec? Read(INamedTypeSymbol root, string chart)
            {
                if (RecordShapeProblem(root) is { } shape)
                {
                    Report(ValuesProblemKind.RecordShape, root, root.Locations[0], Display(root), shape);
                    return null;
                }

                var rootName = FullName(root);
                var seen = new HashSet<string>(StringComparer.Ordinal) { rootName };
                var queue = new Queue<INamedTypeSymbol>();
                queue.Enqueue(root);
                while (queue.Count > 0 && !Stopped)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var reached in ReadRecord(queue.Dequeue()))
                    {
                        if (seen.Add(FullName(reached)))
                        {
                            queue.Enqueue(reached);
                        }
                    }
                }

                if (!_failed)
                {
                    ReportCycles(rootName);
                }

                if (_failed)
                {
                    return null;
                }

                var origins = new List<PropertyOrigin>();
                AddOrigins(rootName, string.Empty, origins);
                var span = root.Locations[0].GetLineSpan();
                return new ValuesRootSpec(
                    chart, rootName, span.Path, span.StartLinePosition.Line + 1, _records.ToEquatableArray(), origins.ToEquatableArray());
            }

            /// <summary>Reads one record's properties; returns the records they reach.</summary>
            private List<INamedTypeSymbol> ReadRecord(INamedTypeSymbol type)
            {
                var reachedRecords = new List<INamedTypeSymbol>();
                var properties = new List<PropertySpec>();
                var links = new List<PropertyLink>();
                var keys = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
                foreach (var property in PublicProperties(type))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var typeRef = ParseType(property.Type, property.NullableAnnotation, out var reached, out var problem);
                    if (typeRef is null)
                    {
                        if (problem is null)
                        {
                            _failed = true;
                        }
                        else
                        {
                            Report(ValuesProblemKind.PropertyType, property, TypeLocation(property), property.Name, Display(type), Display(property.Type), problem);
                        }

                        if (Stopped)
                        {
                            return reachedRecords;
                        }

                        continue;
                    }

                    var key = YamlKey(property, out var keyLocation);
                    if (key.Length == 0)
                    {
                        Report(ValuesProblemKind.YamlKey, property, keyLocation, property.Name, Display(type), key, "is empty");
                    }
                    else if (keys.TryGetValue(key, out var other))
                    {
                        Report(ValuesProblemKind.YamlKey, property, keyLocation, property.Name, Display(type), key, $"is also the key of property '{other.Name}'");
                    }
                    else
                    {
                        keys.Add(key, property);
                    }

                    if (reached is not null)
                    {
                        reachedRecords.Add(reached);
                    }

                    var initializer = (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax)?.Initializer;
                    properties.Add(new PropertySpec(
                        property.Name,
                        key,
                        typeRef,
                        initializer is not null,
                        initializer is null || compilation is null ? null : DefaultJson(Model(initializer.SyntaxTree), initializer, property.Type, cancellationToken),
                        compilation is null ? null : Summary(property),
                        HasAttribute(property, KnownNames.SubchartValuesAttribute)));
                    links.Add(new PropertyLink(property, key, reached is null ? null : FullName(reached)));
                }

                var fullName = FullName(type);
                _links[fullName] = links;
                _records.Add(new RecordSpec(
                    fullName,
                    type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                    type.Name,
                    type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
                    properties.ToEquatableArray(),
                    compilation is null ? null : Summary(type),
                    type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared)));
                return reachedRecords;
            }

            /// <summary>Values are finite trees: a record that reaches itself cannot be written, nor its schema inlined.</summary>
            private void ReportCycles(string rootName)
            {
                var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path; true: done
                Visit(rootName);

                void Visit(string record)
                {
                    state[record] = false;
                    foreach (var link in _links[record])
                    {
                        if (link.Child is null)
                        {
                            continue;
                        }

                        if (!state.TryGetValue(link.Child, out var done))
                        {
                            Visit(link.Child);
                        }
                        else if (!done)
                        {
                            var owner = (INamedTypeSymbol)link.Property.ContainingType;
                            Report(
                                ValuesProblemKind.PropertyType,
                                link.Property,
                                TypeLocation(link.Property),
                                link.Property.Name,
                                Display(owner),
                                Display(link.Property.Type),
                                $"it leads back to '{Display(owner)}', and values must be finite trees (a record cannot contain itself)");
                        }
                    }

                    state[record] = true;
                }
            }

            /// <summary>Every dotted key path below <paramref name="record"/>; list items and dictionary entries share their property's path.</summary>
            private void AddOrigins(string record, string prefix, List<PropertyOrigin> origins)
            {
                foreach (var link in _links[record])
                {
                    var path = prefix.Length == 0 ? link.Key : prefix + "." + link.Key;
                    var span = link.Property.Locations[0].GetLineSpan();
                    origins.Add(new PropertyOrigin(path, span.Path, span.StartLinePosition.Line + 1));
                    if (link.Child is not null)
                    {
                        AddOrigins(link.Child, path, origins);
                    }
                }
            }

            /// <summary>One semantic model per file: records of one file share it (creating one is not free).</summary>
            private SemanticModel Model(SyntaxTree tree)
            {
                if (!_models.TryGetValue(tree, out var model))
                {
                    model = compilation!.GetSemanticModel(tree);
                    _models.Add(tree, model);
                }

                return model;
            }

            private void Report(ValuesProblemKind kind, ISymbol symbol, Location location, params object[] args)
            {
                _failed = true;
                problems?.Add(new ValuesProblem(kind, symbol, location, args));
            }

            /// <summary>The property's type in source, where a wrong type is best underlined.</summary>
            private Location TypeLocation(IPropertySymbol property) =>
                (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax)?.Type.GetLocation()
                ?? property.Locations[0];
        }

        /// <summary>The YAML key: <c>[YamlName]</c>, else the property name in camelCase (as System.Text.Json does it).</summary>
        public static string YamlKey(IPropertySymbol property, out Location location)
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.YamlNameAttribute);
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

        public static bool HasAttribute(ISymbol symbol, string metadataName) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == metadataName);
    }
}
