using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Hosting;

namespace Cogrion.InfraGen.Tests.Diagnostics;

public sealed class InfraGenExceptionTests
{
    private static readonly InfraDiagnostic First = new("INFRA1001", "first problem", default);
    private static readonly InfraDiagnostic Second = new("INFRA1002", "second problem", default);

    [Fact]
    public void An_exception_without_problems_can_be_built_and_reported()
    {
        // Building its message read the first problem of an empty list: the constructor threw (issue 15).
        var exception = new InfraGenException([]);

        Assert.Equal("The run stopped without naming a problem.", exception.Message);
        Assert.Empty(exception.Diagnostics);
        var error = new StringWriter();
        Assert.Equal(ExitCodes.Refused, ErrorBoundary.Report(exception, paths: null, absolutePaths: false, error));
        Assert.Equal("infragen: 0 error(s); out/ was not changed." + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void The_message_is_the_one_problem_or_the_count_and_the_first()
    {
        Assert.Equal("first problem", new InfraGenException([First]).Message);
        Assert.Equal("2 problems; the first: first problem", new InfraGenException([First, Second]).Message);
    }
}
