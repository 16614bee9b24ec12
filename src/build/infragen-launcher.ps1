# The half of infragen.cmd (the Windows ./infragen) that cmd cannot do: decide whether the model program is up to date,
# build it when it is not, and print the program to run on standard output (everything else goes to standard error).
# infragen.cmd then runs it with the arguments exactly as given. The same rules as ./infragen, which explains them:
# up to date means a stamp in model/obj/infragen-launcher/ is newer than every input and lists the same input files.
# Exit code 2, with nothing on standard output, when the model does not build.
$ErrorActionPreference = 'Stop'

$root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$model = Join-Path $root 'model'
$projects = @(Get-ChildItem -LiteralPath $model -Filter '*.csproj' -File -ErrorAction SilentlyContinue)
if ($projects.Count -ne 1) {
    [Console]::Error.WriteLine("infragen: error INFRA1010: $model holds no project or several; the model directory holds one.")
    exit 2
}
$project = $projects[0].FullName
$dotnet = if ($env:DOTNET_HOST_PATH) { $env:DOTNET_HOST_PATH } else { 'dotnet' }
$state = Join-Path (Join-Path $model 'obj') 'infragen-launcher'
# Names of their own: a checkout used from Git Bash too keeps both launchers' stamps (their paths are spelled apart).
$stamp = Join-Path $state 'cmd-stamp'
$programFile = Join-Path $state 'cmd-program'

# What the program is compiled from: model/ except releases.yaml and charts/ (read at run time), src/ except the tool,
# every bin/ and obj/ left out; the repository's MSBuild and NuGet settings; infragen.cmd.
$pruned = @((Join-Path $model 'charts'), (Join-Path (Join-Path $root 'src') 'Cogrion.InfraGen.Cli'))
$releases = Join-Path $model 'releases.yaml'
function Add-Inputs([string] $directory, [System.Collections.Generic.List[string]] $list) {
    foreach ($file in [System.IO.Directory]::GetFiles($directory)) {
        if ($file -ne $releases) { $list.Add($file) }
    }
    foreach ($sub in [System.IO.Directory]::GetDirectories($directory)) {
        $name = [System.IO.Path]::GetFileName($sub)
        if ($name -ne 'bin' -and $name -ne 'obj' -and $pruned -notcontains $sub) { Add-Inputs $sub $list }
    }
}
$inputs = [System.Collections.Generic.List[string]]::new()
Add-Inputs $model $inputs
Add-Inputs (Join-Path $root 'src') $inputs
foreach ($file in [System.IO.Directory]::GetFiles($root)) {
    $name = [System.IO.Path]::GetFileName($file)
    if ($name -like 'Directory.*' -or $name -eq 'global.json' -or $name -eq 'nuget.config' -or $name -eq 'infragen.cmd') { $inputs.Add($file) }
}

$program = $null
if ((Test-Path -LiteralPath $stamp) -and (Test-Path -LiteralPath $programFile)) {
    $program = [System.IO.File]::ReadAllText($programFile).Trim()
    $stampTime = [System.IO.File]::GetLastWriteTimeUtc($stamp)
    $listed = [string]::Join("`n", [System.IO.File]::ReadAllLines($stamp))
    $newer = $false
    foreach ($file in $inputs) {
        if ([System.IO.File]::GetLastWriteTimeUtc($file) -gt $stampTime) { $newer = $true; break }
    }
    if (-not (Test-Path -LiteralPath $program) -or $newer -or $listed -ne [string]::Join("`n", $inputs)) { $program = $null }
}

if (-not $program) {
    [Console]::Error.WriteLine("infragen: building $($project.Substring($root.Length + 1)) (its inputs changed since infragen.cmd last built it)")
    [void][System.IO.Directory]::CreateDirectory($state)
    # The list is written, and so its file's time set, before the build: an edit made while it runs counts as a change.
    $pending = "$stamp.$PID"
    [System.IO.File]::WriteAllLines($pending, $inputs)
    # Build without generating (the verb decides what to write) and make a run copy of the program, which no later build
    # rewrites (Cogrion.InfraGen.RunCopy.targets); MSBuild prints the program in it. Its errors are on standard output:
    # captured, shown below.
    $ErrorActionPreference = 'Continue'
    $output = @(& $dotnet 'build' $project '-t:Build;InfraGenRunCopy' '-p:InfraGenGenerateOnBuild=false' '-getProperty:_InfraGenProgram' '-nologo' '-v:q')
    $code = $LASTEXITCODE
    $ErrorActionPreference = 'Stop'
    $last = if ($output.Count -gt 0) { "$($output[$output.Count - 1])".Trim() } else { '' }
    if ($code -ne 0 -or -not $last.EndsWith('.dll') -or -not (Test-Path -LiteralPath $last)) {
        Remove-Item -LiteralPath $pending -ErrorAction SilentlyContinue
        foreach ($line in $output) { [Console]::Error.WriteLine($line) }
        [Console]::Error.WriteLine("infragen: error INFRA1011: could not build the model project $project.")
        exit 2
    }
    $program = $last
    [System.IO.File]::WriteAllText($programFile, $program)
    Move-Item -LiteralPath $pending -Destination $stamp -Force
}

# A run copy unused for a day is removed by the next build: this one is in use.
[System.IO.Directory]::SetLastWriteTime([System.IO.Path]::GetDirectoryName($program), [DateTime]::Now)
Write-Output $program
