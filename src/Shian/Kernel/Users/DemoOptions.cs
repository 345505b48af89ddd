namespace Shian.Kernel.Users;

/// <summary>Configuration section <c>Demo</c>: demo accounts for 本溪 (on by default in Development).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public const string DefaultPassword = "Shian-Demo-2026";

    public bool Seed { get; set; }

    /// <summary>Demo accounts share a published password: outside Development (and the tests) they are created only when forced.</summary>
    public bool Force { get; set; }

    /// <summary>Whether demo data may be seeded in this environment.</summary>
    public bool SeedsIn(IHostEnvironment environment) =>
        Seed && (environment.IsDevelopment() || environment.IsEnvironment("Testing") || Force);

    public string Password { get; set; } = DefaultPassword;

    /// <summary>How many demo businesses to generate for 本溪市 when the register is empty (0: none).</summary>
    public int Register { get; set; }

    /// <summary>Generated lab samples with results (Sampling) over the demo register; 0 = none.</summary>
    public int Samples { get; set; }

    /// <summary>Generated complaints and reports (Complaints) over the demo register, received over the last 180 days; 0 = none.</summary>
    public int Complaints { get; set; }

    /// <summary>Generated case clues (Enforcement) over the demo register, found over the last 150 days, the older ones carried into cases; 0 = none.</summary>
    public int Cases { get; set; }

    /// <summary>Generated checklist inspections (Inspections) over the demo register of 溪湖区, the older ones published; 0 = none.</summary>
    public int Inspections { get; set; }

    /// <summary>A demo supply chain captured as EPCIS events, with a published recall of its lot (Traceability).</summary>
    public bool Traceability { get; set; }

    /// <summary>A direct-reporting network for 溪湖区 (most streets with a reporter) and two incidents, one in response (Emergencies).</summary>
    public bool Emergencies { get; set; }

    /// <summary>A few published consumer tips and alerts of the demo city, and a district's draft (信息发布).</summary>
    public bool Bulletins { get; set; }

    /// <summary>A 知晓率 survey of 溪湖区 in progress with interviewers' responses, and a city 满意度 survey being designed (问卷调查).</summary>
    public bool Surveys { get; set; }
}
