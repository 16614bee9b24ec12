using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    /// <summary>
    /// App declarations to <see cref="AppOriginSpec"/>s: which line of a values function sets which values key, under
    /// which condition, and which model members (conventions, locals, constants) compute the value, followed into those
    /// members' own object initializers. Only compile time can see this; <c>infragen explain</c> prints it.
    /// </summary>
    internal static partial class OriginsParser
    {
        /// <summary>
        /// Cheap syntax filter, so the semantic step runs for app declarations only: <c>new App&lt;T&gt;(…)</c>, or a
        /// target-typed <c>new(…)</c> that initializes a field, property or local declared as <c>App&lt;T&gt;</c>, or is
        /// the body of a member returning one.
        /// </summary>
        public static bool IsCandidate(SyntaxNode node) => node switch
        {
            ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: >= 2, Type: var type } => LastName(type) == "App",
            ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } creation => DeclaredType(creation) is { } declared && LastName(declared) == "App",
            _ => false,
        };

        /// <summary>The type a target-typed creation takes from its declaration: <c>App&lt;T&gt; App = new(…)</c>, <c>App&lt;T&gt; Web() => new(…)</c>.</summary>
        private static TypeSyntax? DeclaredType(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variables } } => variables.Type,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => method.ReturnType,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
            ReturnStatementSyntax @return => @return.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.ReturnType,
            _ => null,
        };

        /// <summary>The declaration's spec, or null when the node does not create an <c>App&lt;TValues&gt;</c> with a values function in source.</summary>
        public static AppOriginSpec? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            // App<TValues>: the one generic app the vocabulary has, derived from App.
            var model = context.SemanticModel;
            var app = model.Compilation.GetTypeByMetadataName(KnownNames.App);
            if (app is null || model.GetOperation(context.Node, cancellationToken) is not IObjectCreationOperation { Type: INamedTypeSymbol { TypeArguments.Length: 1 } type } creation
                || !SymbolEqualityComparer.Default.Equals(type.BaseType, app))
            {
                return null;
            }

            var function = creation.Arguments
                .Where(a => a.Parameter?.Type.TypeKind == TypeKind.Delegate)
                .Select(a => ValuesFunction(a.Value))
                .FirstOrDefault(f => f.Body is not null);
            if (function.Body is null)
            {
                return null;
            }

            var walk = new OriginWalk(model.Compilation, cancellationToken);
            var (assignments, _) = walk.Body(function.Body);
            var settings = (((BaseObjectCreationExpressionSyntax)context.Node).Initializer?.Expressions ?? default)
                .OfType<AssignmentExpressionSyntax>()
                .Where(a => a.Left is IdentifierNameSyntax)
                .Select(a => new AppSettingSpec(((IdentifierNameSyntax)a.Left).Identifier.ValueText, Line(a)))
                .ToEquatableArray();
            var span = function.At!.GetLineSpan();
            return new AppOriginSpec(
                SchemaEmitter.Plain(Parser.FullName(type.TypeArguments[0])),
                span.Path,
                span.StartLinePosition.Line + 1,
                assignments,
                settings,
                walk.Members());
        }

        /// <summary>The lambda, or the method a method group names, that builds the values: its body, and where it starts.</summary>
        private static (SyntaxNode? Body, Location? At) ValuesFunction(IOperation argument) => argument switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => (((AnonymousFunctionExpressionSyntax)lambda.Syntax).Body, lambda.Syntax.GetLocation()),
            IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } } => (Declaration(method), method.Locations.FirstOrDefault()),
            IConversionOperation { Operand: var operand } => ValuesFunction(operand),
            _ => (null, null),
        };

        /// <summary>A source method's body or expression body; null for metadata.</summary>
        private static SyntaxNode? Declaration(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax declaration
                ? (SyntaxNode?)declaration.ExpressionBody?.Expression ?? declaration.Body
                : null;

        private static string LastName(TypeSyntax type) => type switch
        {
            GenericNameSyntax generic => generic.Identifier.ValueText,
            QualifiedNameSyntax qualified => LastName(qualified.Right),
            AliasQualifiedNameSyntax alias => LastName(alias.Name),
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        internal static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
    }
}
