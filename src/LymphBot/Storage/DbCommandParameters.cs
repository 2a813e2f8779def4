using System.Data.Common;

namespace LymphBot.Storage;

/// <summary>Parameters for the few queries read without Dapper (thousands of rows, where its per-value boxing showed).</summary>
internal static class DbCommandParameters
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
