import Chatters
import LabCore

/// Every chatter kind a config can name: the ``Chatters/ChatterRegistry`` kinds and those made here because they
/// need the lab's services (the simulated user, which may use the sentence encoder).
public enum ChatterKinds {
    public static func all(services: LabServices = LabServices()) -> [ChatterKind] {
        ChatterRegistry.all + [SimulatorKind.kind(services: services)]
    }
}
