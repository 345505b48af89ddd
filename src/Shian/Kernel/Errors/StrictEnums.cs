using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shian.Kernel.Errors;

/// <summary>
/// Enum values from outside (JSON bodies, query strings, forms) are accepted only by their defined names: never as
/// numbers (<c>{"status": 99}</c> was once stored and broke every page showing it), never as undefined or combined
/// names. System.Text.Json's <see cref="JsonStringEnumConverter"/> with integers disallowed still accepts
/// "A, B" combinations and gives an English message; this one refuses them with a Chinese message listing the choices.
/// </summary>
public static class StrictEnums
{
    /// <summary>The defined value named <paramref name="text"/> (case-insensitive), or false: numbers, combinations and unknown names are refused.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // A [Flags] enum (e.g. the places a business serves) takes a list of defined names, "SchoolArea, NightMarket".
        var parts = typeof(T).IsDefined(typeof(FlagsAttribute), false) ? text.Split(',', StringSplitOptions.TrimEntries) : [text.Trim()];
        ulong bits = 0;
        foreach (var part in parts)
        {
            var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, part, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return false;
            }

            bits |= Convert.ToUInt64(Enum.Parse<T>(name), System.Globalization.CultureInfo.InvariantCulture);
        }

        value = (T)Enum.ToObject(typeof(T), bits);
        return true;
    }

    /// <summary>Whether an already-bound value is one of the enum's defined values, or for [Flags] a combination of them (route and query binding accept any number).</summary>
    public static bool IsDefined(object value)
    {
        var type = value.GetType();
        if (!type.IsDefined(typeof(FlagsAttribute), false))
        {
            return Enum.IsDefined(type, value);
        }

        var all = Enum.GetValues(type).Cast<object>().Aggregate(0UL, (acc, v) => acc | Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture));
        return (Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) & ~all) == 0;
    }

    /// <summary>"可选：A、B、C" for an error message.</summary>
    public static string Choices(Type enumType) => "可选：" + string.Join("、", Enum.GetNames(enumType));

    /// <summary>The refusal of a value for a field, in Chinese, naming the choices.</summary>
    public static string Refusal(Type enumType, string? value) =>
        $"“{value}”不是有效的取值（须为名称，不接受数字），{Choices(enumType)}";
}

/// <summary>The JSON converter for every enum of the API: names only, in and out.</summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                _ => reader.TokenType.ToString(),
            };
            return reader.TokenType == JsonTokenType.String && StrictEnums.TryParse<T>(text, out var value)
                ? value
                : throw new JsonException(StrictEnums.Refusal(typeof(T), text));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StrictEnums.IsDefined(value) ? value.ToString() : throw new JsonException($"{typeof(T).Name} has no value {value}"));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            StrictEnums.TryParse<T>(reader.GetString(), out var value) ? value : throw new JsonException(StrictEnums.Refusal(typeof(T), reader.GetString()));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
    }
}

/// <summary>
/// Refuses an enum bound from the route or query string that is not a defined value (minimal APIs bind enums with
/// <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>, which accepts any number) with a Chinese error naming the parameter.
/// Added to every /api/v1 endpoint through its scope declaration.
/// </summary>
internal static class EnumArgumentFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var enums = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(x => x.Type.IsEnum)
            .ToList();
        if (enums.Count == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (parameter, index, type) in enums)
            {
                if (invocation.Arguments[index] is { } value && !StrictEnums.IsDefined(value))
                {
                    errors[parameter.Name!] = [StrictEnums.Refusal(type, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture))];
                }
            }

            return errors.Count == 0
                ? await next(invocation)
                : throw ShianProblemException.Invalid("request.enum-invalid", "请求参数取值无效：" + string.Join("；", errors.Select(e => $"{e.Key}：{e.Value[0]}")), errors);
        };
    }
}
