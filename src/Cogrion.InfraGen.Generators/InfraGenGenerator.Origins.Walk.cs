using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    internal static partial class OriginsParser
    {
        /// <summary>
        /// One walk from a values function through the members it uses. Members are read once each, in the order met;
        /// only members declared in this compilation's source are followed (the vocabulary and the runtime are not the model).
        /// </summary>
        private sealed class OriginWalk(Compilation compilation, CancellationToken cancellationToken)
        {
            private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
            private readonly Dictionary<string, MemberSpec?> _members = new(StringComparer.Ordinal);

            public EquatableArray<MemberSpec> Members() =>
                _members.Values.OfType<MemberSpec>().OrderBy(m => m.Id, StringComparer.Ordinal).ToEquatableArray();

            /// <summary>What a body (a lambda's, a method's, an initializer) assigns, and what all of it uses.</summary>
            public (EquatableArray<AssignmentSpec> Assignments, EquatableArray<string> Uses) Body(SyntaxNode body)
            {
                var assignments = new List<AssignmentSpec>();
                foreach (var returned in Returned(body))
                {
                    Assign(returned, string.Empty, null, assignments);
                }

                return (assignments.ToEquatableArray(), Uses(body).ToEquatableArray());
            }

            /// <summary>The expressions a body returns: an expression body itself, or a block's return statements (not those of nested functions).</summary>
            private static IEnumerable<ExpressionSyntax> Returned(SyntaxNode body) => body is ExpressionSyntax expression
                ? [expression]
                : body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    .OfType<ReturnStatementSyntax>()
                    .Select(r => r.Expression)
                    .OfType<ExpressionSyntax>();

            /// <summary>Records the assignments of an object initializer under <paramref name="prefix"/>, through conditionals and collections.</summary>
            private void Assign(ExpressionSyntax expression, string prefix, string? condition, List<AssignmentSpec> assignments)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        Assign(parenthesized.Expression, prefix, condition, assignments);
                        break;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } forgiven:
                        Assign(forgiven.Operand, prefix, condition, assignments);
                        break;
                    case ConditionalExpressionSyntax conditional:
                        var test = Text(conditional.Condition);
                        Assign(conditional.WhenTrue, prefix, And(condition, test), assignments);
                        Assign(conditional.WhenFalse, prefix, And(condition, "not " + test), assignments);
                        break;
                    case SwitchExpressionSyntax switched:
                        foreach (var arm in switched.Arms)
                        {
                            Assign(arm.Expression, prefix, And(condition, $"{Text(switched.GoverningExpression)} is {Text(arm.Pattern)}"), assignments);
                        }

                        break;
                    case BaseObjectCreationExpressionSyntax { Initializer: { } initializer } when initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                        foreach (var assignment in initializer.Expressions.OfType<AssignmentExpressionSyntax>())
                        {
                            if (Model(assignment).GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol property)
                            {
                                continue; // A dictionary entry ([key] = value) belongs to its property's path.
                            }

                            var key = Parser.YamlKey(property, KnownTypeSymbols.For(compilation), out _);
                            var path = prefix.Length == 0 ? key : prefix + "." + key;
                            assignments.Add(new AssignmentSpec(path, Line(assignment), condition, Uses(assignment.Right).ToEquatableArray()));
                            Assign(assignment.Right, path, condition, assignments);
                        }

                        break;
                    case CollectionExpressionSyntax collection:
                        foreach (var element in collection.Elements.OfType<ExpressionElementSyntax>())
                        {
                            Assign(element.Expression, prefix, condition, assignments);
                        }

                        break;
                    case ArrayCreationExpressionSyntax { Initializer: { } items }:
                        Items(items, prefix, condition, assignments);
                        break;
                    case ImplicitArrayCreationExpressionSyntax { Initializer: var items }:
                        Items(items, prefix, condition, assignments);
                        break;
                }
            }

            private void Items(InitializerExpressionSyntax items, string prefix, string? condition, List<AssignmentSpec> assignments)
            {
                foreach (var item in items.Expressions)
                {
                    Assign(item, prefix, condition, assignments);
                }
            }

            /// <summary>
            /// The members <paramref name="node"/> uses, in source order, each followed once. Nested object initializers
            /// are left out: their assignments are recorded on their own paths.
            /// </summary>
            private List<string> Uses(SyntaxNode node)
            {
                var uses = new List<string>();
                foreach (var name in node.DescendantNodesAndSelf(n => n == node || !n.IsKind(SyntaxKind.ObjectInitializerExpression)).OfType<SimpleNameSyntax>())
                {
                    if (Follow(Model(name).GetSymbolInfo(name, cancellationToken).Symbol) is { } id && !uses.Contains(id))
                    {
                        uses.Add(id);
                    }
                }

                return uses;
            }

            /// <summary>A used symbol's id, after reading the member it names (once); null for what is not the model's own.</summary>
            private string? Follow(ISymbol? symbol)
            {
                var (id, name, declaration, body) = symbol switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Ordinary } method => Named(method.ReducedFrom ?? method.OriginalDefinition, Declaration(method.ReducedFrom ?? method.OriginalDefinition)),
                    IFieldSymbol { IsStatic: true } field => Named(field.OriginalDefinition, field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax v ? v.Initializer?.Value : null),
                    IPropertySymbol { IsStatic: true } property => Named(property.OriginalDefinition, PropertyBody(property)),
                    ILocalSymbol local => Local(local),
                    _ => (null, null, null, null),
                };
                if (id is null || declaration is null)
                {
                    return null;
                }

                if (!_members.TryGetValue(id, out var member))
                {
                    _members[id] = null; // Being read: a member that uses itself ends here.
                    var (assignments, uses) = body is null ? (EquatableArray<AssignmentSpec>.Empty, EquatableArray<string>.Empty) : Body(body);
                    var span = declaration.GetLineSpan();
                    member = new MemberSpec(id, name!, span.Path, span.StartLinePosition.Line + 1, assignments, uses);

                    // A local that only names what the function was given (var cluster = context.Cluster) explains nothing.
                    _members[id] = symbol is ILocalSymbol && assignments.Count == 0 && uses.Count == 0 ? null : member;
                    member = _members[id];
                }

                return member is null && symbol is ILocalSymbol ? null : id;
            }

            private (string? Id, string? Name, Location? Declaration, SyntaxNode? Body) Named(ISymbol symbol, SyntaxNode? body) =>
                symbol.DeclaringSyntaxReferences.IsEmpty || symbol.GetDocumentationCommentId() is not { } id
                    ? (null, null, null, null)
                    : (id, $"{symbol.ContainingType.Name}.{symbol.Name}", symbol.Locations[0], body);

            private (string? Id, string? Name, Location? Declaration, SyntaxNode? Body) Local(ILocalSymbol local)
            {
                if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
                {
                    return (null, null, null, null);
                }

                var location = declarator.Identifier.GetLocation();
                var span = location.GetLineSpan();
                return ($"L:{span.Path}:{span.StartLinePosition.Line + 1}:{local.Name}", local.Name, location, declarator.Initializer?.Value);
            }

            private SyntaxNode? PropertyBody(IPropertySymbol property)
            {
                if (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
                {
                    return null;
                }

                if (declaration.ExpressionBody is { } arrow)
                {
                    return arrow.Expression;
                }

                var getter = declaration.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
                return (SyntaxNode?)declaration.Initializer?.Value ?? (SyntaxNode?)getter?.ExpressionBody?.Expression ?? getter?.Body;
            }

            private SemanticModel Model(SyntaxNode node)
            {
                if (!_models.TryGetValue(node.SyntaxTree, out var model))
                {
                    model = compilation.GetSemanticModel(node.SyntaxTree);
                    _models.Add(node.SyntaxTree, model);
                }

                return model;
            }

            private static string And(string? condition, string test) => condition is null ? test : $"{condition} and {test}";

            /// <summary>Code as one line: a condition written over several lines reads the same.</summary>
            private static string Text(SyntaxNode node) => Regex.Replace(node.ToString(), @"\s+", " ");
        }
    }
}
