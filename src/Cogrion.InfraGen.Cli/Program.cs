using Cogrion.InfraGen.Cli;

return Tool.Run(args);
