extension ScenarioValue {
    /// Parses YAML text. Syntax errors and duplicate keys become `ScenarioError`s with a line;
    /// anchors, aliases and deep nesting are refused as they are met, before they cost anything
    /// (`YAMLReader`).
    public static func parse(yaml text: String, file: String) throws(ScenarioError) -> ScenarioValue {
        try YAMLReader.read(text, file: file)
    }
}
