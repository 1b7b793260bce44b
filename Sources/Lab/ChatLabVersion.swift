/// The version of ChatLab, recorded in every report.
public enum ChatLabVersion {
    public static let current = "0.1.0"
}
