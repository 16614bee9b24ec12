using System.Collections.Generic;
using System.Linq;
using Cogrion.InfraGen.Generators.Diagnostics;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    internal static partial class Parser
    {
        private sealed partial class ValuesWalk
        {
            /// <summary>
            /// Values are finite trees: a property that leads back to a record above it cannot be written, nor its schema
            /// inlined, so it is left out and reported. Only written properties count: they are what the emitters follow.
            /// </summary>
            private void LeaveOutCycles(string rootName)
            {
                var state = new Dictionary<string, bool>(System.StringComparer.Ordinal); // false: on the current path; true: done
                Visit(rootName);

                void Visit(string record)
                {
                    state[record] = false;
                    foreach (var read in _recordsByName[record].Properties)
                    {
                        if (read.Spec is null || read.Child is null)
                        {
                            continue;
                        }

                        if (!state.TryGetValue(read.Child, out var done))
                        {
                            Visit(read.Child);
                        }
                        else if (!done)
                        {
                            var property = read.Property;
                            var owner = (INamedTypeSymbol)property.ContainingType;
                            read.Spec = null;
                            Report(
                                ValuesProblemKind.PropertyType,
                                property,
                                (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax)?.Type.GetLocation() ?? property.Locations[0],
                                property.Name,
                                Display(owner),
                                Display(property.Type),
                                $"it leads back to '{Display(owner)}', and values must be finite trees (a record cannot contain itself)");
                        }
                    }

                    state[record] = true;
                }
            }

            /// <summary>Every dotted key path below <paramref name="record"/>; list items and dictionary entries share their property's path.</summary>
            private void AddOrigins(string record, string prefix, List<PropertyOrigin> origins)
            {
                foreach (var read in _recordsByName[record].Properties)
                {
                    if (read.Spec is null)
                    {
                        continue;
                    }

                    var path = prefix.Length == 0 ? read.Key : prefix + "." + read.Key;
                    var span = read.Property.Locations[0].GetLineSpan();
                    origins.Add(new PropertyOrigin(path, span.Path, span.StartLinePosition.Line + 1));
                    if (read.Child is not null)
                    {
                        AddOrigins(read.Child, path, origins);
                    }
                }
            }
        }
    }
}
