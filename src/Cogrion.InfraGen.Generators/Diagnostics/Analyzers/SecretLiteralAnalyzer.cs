using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>INFRA0006: a string literal anywhere in the project that holds an AWS access key ID or a private key block (<see cref="SecretRule"/>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0006";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            syntaxContext =>
            {
                var token = syntaxContext.Node switch
                {
                    LiteralExpressionSyntax literal => literal.Token,
                    InterpolatedStringTextSyntax text => text.TextToken,
                    _ => default,
                };
                if (SecretRule.DescribeShape(token.ValueText) is { } what)
                {
                    syntaxContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretLiteral, syntaxContext.Node.GetLocation(), what));
                }
            },
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringText);
    }
}
