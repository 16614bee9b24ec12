using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    /// <summary>Specs to C#: each values record's writer and defaults, and each root's <c>IHelmValues&lt;T&gt;</c> part.</summary>
    internal static class Emitter
    {
        private const string DocMap = KnownNames.Docs + ".DocMap";

        /// <summary>The part of a record every values record gets: <c>ToValuesDocument</c> and its chart defaults.</summary>
        public static string EmitRecord(RecordSpec record)
        {
            var code = OpenType(record, "global::Cogrion.InfraGen.IHelmValues");
            var name = Identifier(record.Name);
            if (!record.DeclaresConstructors)
            {
                // Declaring a constructor below would hide the implicit parameterless one. The compiler would say at this
                // constructor, in obj/, that a property without a default is left null: INFRA0012 says it at the property.
                WriteIf(record.HasPropertiesWithoutDefault, code, "#pragma warning disable CS8618 // INFRA0012 reports it at the property");
                code.WriteLine("/// <summary>Creates the record; set its properties with an object initializer.</summary>");
                code.WriteLine($"public {name}()").OpenBlock().CloseBlock();
                WriteIf(record.HasPropertiesWithoutDefault, code, "#pragma warning restore CS8618");
                code.WriteLine();
            }

            code.WriteLine("/// <summary>Evaluates the property initializers alone, leaving required members unset.</summary>");
            code.WriteLine("/// <remarks>Required members stay null here on purpose: only initializers are chart defaults.</remarks>");
            code.WriteDirective("#pragma warning disable CS8618");
            code.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            code.WriteLine($"private {name}({KnownNames.Docs}.DefaultsMarker marker)").OpenBlock().CloseBlock();
            code.WriteDirective("#pragma warning restore CS8618");
            code.WriteLine();

            WriteToValuesDocument(code, record);
            code.WriteLine();
            WriteDefaults(code, record);
            return code.CloseBlock().ToString();
        }

        /// <summary>The part a <c>[HelmValues]</c> root gets: its chart name, schema and defaults for the pipeline.</summary>
        public static string EmitRoot(ValuesRootSpec root)
        {
            var record = root.Records[0];
            var code = OpenType(record, $"global::Cogrion.InfraGen.IHelmValues<{Identifier(record.Name)}>");
            code.WriteLine($"private const string InfraGenSchemaJson = {Verbatim(SchemaEmitter.Emit(root))};");
            code.WriteLine();
            code.WriteLine("/// <inheritdoc />");
            code.WriteLine("public static global::Cogrion.InfraGen.HelmValuesInfo ValuesInfo { get; } = new(");
            code.Indentation++;
            code.WriteLine(Literal(root.ChartName) + ",");
            code.WriteLine(Literal(SchemaEmitter.Plain(root.FullName)) + ",");
            code.WriteLine("InfraGenSchemaJson,");
            code.WriteLine("InfraGenDefaults,");
            code.WriteLine(Location(root.FilePath, root.Line) + ")");
            code.Indentation--;
            code.OpenBlock();
            code.WriteLine("PropertyOrigins = new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, global::Cogrion.InfraGen.SourceLocation>(");
            code.Indentation++;
            code.WriteLine("new global::System.Collections.Generic.Dictionary<string, global::Cogrion.InfraGen.SourceLocation>(global::System.StringComparer.Ordinal)");
            code.OpenBlock();
            foreach (var origin in root.Origins)
            {
                code.WriteLine($"[{Literal(origin.Path)}] = {Location(origin.File, origin.Line)},");
            }

            code.CloseBlock("),");
            code.Indentation--;
            code.CloseBlock(";");
            return code.CloseBlock().ToString();
        }

        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>
        /// The writer. A record with a property left out is generated so the build shows that property's error and no
        /// other; if its error is ever silenced, its writer refuses to run rather than drop the value unseen.
        /// </summary>
        private static void WriteToValuesDocument(SourceWriter code, RecordSpec record)
        {
            code.WriteLine("/// <inheritdoc />");
            if (record.LeftOut.Count > 0)
            {
                var names = string.Join(", ", record.LeftOut.Select(p => $"'{p}'"));
                var message = $"{record.Name} cannot be written as values: the generator left out {names}, which it cannot write (see the errors of the build).";
                code.WriteLine($"public {DocMap} ToValuesDocument() =>");
                code.Indentation++;
                code.WriteLine($"throw new global::System.InvalidOperationException({Literal(message)});");
                code.Indentation--;
                return;
            }

            code.WriteLine($"public {DocMap} ToValuesDocument()").OpenBlock();
            code.WriteLine($"var map = new {DocMap}();");
            for (var index = 0; index < record.Properties.Count; index++)
            {
                var property = record.Properties[index];
                WriteAdd(code, "this." + Identifier(property.Name), property, index);
            }

            code.WriteLine("return map;").CloseBlock();
        }

        private static void WriteDefaults(SourceWriter code, RecordSpec record)
        {
            code.WriteLine("/// <summary>The chart defaults this record contributes: initialized properties, and nested records' defaults.</summary>");
            code.WriteLine($"internal static {DocMap} InfraGenDefaults()").OpenBlock();
            code.WriteLine($"var defaults = new {Identifier(record.Name)}(default({KnownNames.Docs}.DefaultsMarker));");
            code.WriteLine($"var map = new {DocMap}();");
            for (var index = 0; index < record.Properties.Count; index++)
            {
                var property = record.Properties[index];
                if (property.HasInitializer)
                {
                    WriteAdd(code, "defaults." + Identifier(property.Name), property, index);
                }
                else if (property.Type.Kind == ValueKind.Record && !property.Type.IsNullable)
                {
                    // A record that is always there contributes its own defaults; one that is null unless set does not.
                    code.OpenBlock();
                    code.WriteLine($"var nested = {property.Type.FullName}.InfraGenDefaults();");
                    code.WriteLine("if (nested.Count > 0)").OpenBlock();
                    code.WriteLine($"map.Add({Literal(property.YamlKey)}, nested);");
                    code.CloseBlock().CloseBlock();
                }
            }

            code.WriteLine("return map;").CloseBlock();
        }

        private static SourceWriter OpenType(RecordSpec record, string baseType)
        {
            var code = new SourceWriter();
            code.WriteDirective("// <auto-generated by Cogrion.InfraGen.Generators/>").WriteDirective("#nullable enable");
            if (record.Namespace.Length > 0)
            {
                code.WriteLine($"namespace {record.Namespace};").WriteLine();
            }

            return code.WriteLine($"{record.Accessibility} partial record {Identifier(record.Name)} : {baseType}").OpenBlock();
        }

        private static void WriteIf(bool condition, SourceWriter code, string directive)
        {
            if (condition)
            {
                code.WriteDirective(directive);
            }
        }

        private static void WriteAdd(SourceWriter code, string access, PropertySpec property, int index)
        {
            var key = Literal(property.YamlKey);
            var type = property.Type;
            if (type.IsValueType && !type.IsNullable)
            {
                // A plain value type is always present.
                code.WriteLine($"map.Add({key}, {Node(type, access, 0)});");
                return;
            }

            // Nullable values, and reference types that may hold null at run time, are left out when null.
            var local = "p" + index.ToString(CultureInfo.InvariantCulture);
            code.WriteLine($"if ({access} is {{ }} {local})").OpenBlock();
            code.WriteLine($"map.Add({key}, {Node(type, local, 0)});");
            code.CloseBlock();
        }

        /// <summary>An expression that turns <paramref name="value"/> (non-null) into a document node.</summary>
        private static string Node(TypeRef type, string value, int depth)
        {
            var docs = KnownNames.Docs;
            switch (type.Kind)
            {
                case ValueKind.String:
                    return $"{docs}.DocScalar.String({value})";
                case ValueKind.Boolean:
                    return $"{docs}.DocScalar.Boolean({value})";
                case ValueKind.Int32:
                case ValueKind.Int64:
                    return $"{docs}.DocScalar.Integer({value})";
                case ValueKind.Decimal:
                    return $"{docs}.DocScalar.Decimal({value})";
                case ValueKind.Enum:
                    var cases = new StringBuilder();
                    foreach (var member in type.EnumMembers)
                    {
                        cases.Append(type.FullName).Append('.').Append(Identifier(member)).Append(" => ").Append(Literal(member)).Append(", ");
                    }

                    return $"{docs}.DocScalar.String({value} switch {{ {cases}_ => throw new global::System.ArgumentOutOfRangeException({Literal(type.FullName)}, {value}, \"Not a declared member.\") }})";
                case ValueKind.Scalar:
                    return $"{value}.ToScalar()";
                case ValueKind.Record:
                    return $"{value}.ToValuesDocument()";
                case ValueKind.List:
                case ValueKind.Dictionary:
                    var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                    var element = type.Element!;
                    var itemNode = element.IsNullable
                        ? $"{item} is {{ }} v{depth} ? ({docs}.DocNode){Node(element, "v" + depth.ToString(CultureInfo.InvariantCulture), depth + 1)} : {docs}.DocScalar.Null"
                        : $"({docs}.DocNode){Node(element, item, depth + 1)}";
                    var helper = type.Kind == ValueKind.List ? "Seq" : "Map";
                    return $"{docs}.DocWriters.{helper}({value}, static {item} => {itemNode})";
                default:
                    throw new InvalidOperationException($"No writer for {type.Kind}: the parser admits only kinds the emitter knows.");
            }
        }

        private static string Location(string file, int line) =>
            $"new global::Cogrion.InfraGen.SourceLocation({Literal(file)}, {line.ToString(CultureInfo.InvariantCulture)})";

        /// <summary>A verbatim literal, so a generated schema reads as JSON in the generated source (its line ends are <c>\n</c>).</summary>
        private static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

        /// <summary>A name as a C# identifier: keywords get an <c>@</c> (a property may be called <c>@class</c>).</summary>
        private static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
