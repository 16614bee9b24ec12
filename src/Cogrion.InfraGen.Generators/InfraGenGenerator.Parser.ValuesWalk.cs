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
    internal static partial class Parser
    {
        /// <summary>
        /// One walk from a root through every record it reaches. A property the generator cannot write (a type YAML
        /// cannot carry, a key that is empty or taken, a link back up the tree) is left out and reported; the records
        /// are generated all the same. Without <c>docs</c> (the analyzers) defaults and descriptions are not read.
        /// </summary>
        private sealed partial class ValuesWalk(KnownTypeSymbols known, Compilation? docs, List<ValuesProblem>? problems, CancellationToken cancellationToken)
        {
            private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
            private readonly List<RecordRead> _records = [];
            private readonly Dictionary<string, RecordRead> _recordsByName = new(StringComparer.Ordinal);

            public ValuesRootSpec? Read(INamedTypeSymbol root, string chart)
            {
                if (RecordShapeProblem(root) is { } shape)
                {
                    Report(ValuesProblemKind.RecordShape, root, root.Locations[0], Display(root), shape);
                    return null; // Nothing can be added to it: it is not a partial record.
                }

                var rootName = FullName(root);
                var seen = new HashSet<string>(StringComparer.Ordinal) { rootName };
                var queue = new Queue<INamedTypeSymbol>();
                queue.Enqueue(root);
                while (queue.Count > 0)
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

                LeaveOutCycles(rootName);
                var origins = new List<PropertyOrigin>();
                AddOrigins(rootName, string.Empty, origins);
                var span = root.Locations[0].GetLineSpan();
                return new ValuesRootSpec(
                    chart, rootName, span.Path, span.StartLinePosition.Line + 1, _records.Select(Spec).ToEquatableArray(), origins.ToEquatableArray());
            }

            /// <summary>Reads one record's properties; returns the records they reach.</summary>
            private List<INamedTypeSymbol> ReadRecord(INamedTypeSymbol type)
            {
                var reachedRecords = new List<INamedTypeSymbol>();
                var record = new RecordRead(type, FullName(type));
                var keys = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
                foreach (var property in PublicProperties(type))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = ReadProperty(type, property, keys, out var reached);
                    record.Properties.Add(read);
                    if (reached is not null)
                    {
                        reachedRecords.Add(reached);
                    }
                }

                _records.Add(record);
                _recordsByName.Add(record.FullName, record);
                return reachedRecords;
            }

            /// <summary>One property: its spec, or none when it cannot be written (reported, except for a type the compiler reports).</summary>
            private PropertyRead ReadProperty(INamedTypeSymbol type, IPropertySymbol property, Dictionary<string, IPropertySymbol> keys, out INamedTypeSymbol? reached)
            {
                var declaration = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
                var lacksDefault = LacksDefault(property, declaration);
                if (lacksDefault)
                {
                    Report(ValuesProblemKind.NoDefault, property, property.Locations[0], property.Name, Display(type), YamlKey(property, known, out _));
                }

                var typeRef = ParseType(property.Type, property.NullableAnnotation, known, out reached, out var problem);
                if (typeRef is null)
                {
                    reached = null;
                    if (problem is not null)
                    {
                        Report(ValuesProblemKind.PropertyType, property, declaration?.Type.GetLocation() ?? property.Locations[0], property.Name, Display(type), Display(property.Type), problem);
                    }

                    return new PropertyRead(property, string.Empty, null, null, lacksDefault);
                }

                var key = YamlKey(property, known, out var keyLocation);
                var keyProblem = key.Length == 0 ? "is empty"
                    : keys.TryGetValue(key, out var other) ? $"is also the key of property '{other.Name}'"
                    : null;
                if (keyProblem is not null)
                {
                    Report(ValuesProblemKind.YamlKey, property, keyLocation, property.Name, Display(type), key, keyProblem);
                    return new PropertyRead(property, key, null, null, lacksDefault);
                }

                keys.Add(key, property);
                var initializer = declaration?.Initializer;
                var spec = new PropertySpec(
                    property.Name,
                    key,
                    typeRef,
                    initializer is not null,
                    initializer is null || docs is null ? null : DefaultJson(Model(initializer.SyntaxTree), initializer, property.Type, cancellationToken),
                    docs is null ? null : Summary(property),
                    KnownTypeSymbols.Has(property, known.SubchartValuesAttribute));
                return new PropertyRead(property, key, spec, reached is null ? null : FullName(reached), lacksDefault);
            }

            /// <summary>The record as the emitters get it: the properties it writes, and the names of those it leaves out.</summary>
            private RecordSpec Spec(RecordRead record)
            {
                var type = record.Type;
                return new RecordSpec(
                    record.FullName,
                    type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                    type.Name,
                    type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
                    record.Properties.Where(p => p.Spec is not null).Select(p => p.Spec!).ToEquatableArray(),
                    docs is null ? null : Summary(type),
                    type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared),
                    record.Properties.Where(p => p.Spec is null).Select(p => p.Property.Name).ToEquatableArray(),
                    record.Properties.Any(p => p.LacksDefault));
            }

            /// <summary>One semantic model per file: records of one file share it (creating one is not free).</summary>
            private SemanticModel Model(SyntaxTree tree)
            {
                if (!_models.TryGetValue(tree, out var model))
                {
                    model = docs!.GetSemanticModel(tree);
                    _models.Add(tree, model);
                }

                return model;
            }

            private void Report(ValuesProblemKind kind, ISymbol symbol, Location location, params object[] args) =>
                problems?.Add(new ValuesProblem(kind, symbol, location, args));
        }

        /// <summary>
        /// A non-nullable reference-type auto-property with no initializer that is not <c>required</c>: null unless a
        /// cluster sets it, though its type says it never is (the compiler's CS8618, which would point at the
        /// generated constructor). INFRA0012 says what to do at the property instead.
        /// </summary>
        private static bool LacksDefault(IPropertySymbol property, PropertyDeclarationSyntax? declaration) =>
            declaration is { Initializer: null, ExpressionBody: null, AccessorList: { } accessors }
            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null)
            && !property.IsRequired
            && property.Type.IsReferenceType
            && property.NullableAnnotation == NullableAnnotation.NotAnnotated;

        /// <summary>A record as the walk read it.</summary>
        private sealed class RecordRead(INamedTypeSymbol type, string fullName)
        {
            public INamedTypeSymbol Type { get; } = type;

            public string FullName { get; } = fullName;

            /// <summary>Every public property, in declaration order.</summary>
            public List<PropertyRead> Properties { get; } = [];
        }

        /// <summary>A property as the walk read it: written (<see cref="Spec"/>), or left out (null) for a reason the build reports.</summary>
        private sealed class PropertyRead(IPropertySymbol property, string key, PropertySpec? spec, string? child, bool lacksDefault)
        {
            public IPropertySymbol Property { get; } = property;

            public string Key { get; } = key;

            public PropertySpec? Spec { get; set; } = spec;

            /// <summary>The full name of the record it leads to.</summary>
            public string? Child { get; } = child;

            /// <summary>See <see cref="LacksDefault(IPropertySymbol, PropertyDeclarationSyntax?)"/>.</summary>
            public bool LacksDefault { get; } = lacksDefault;
        }
    }
}
