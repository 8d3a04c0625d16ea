import Foundation
import PushSimCLI

exit(PushSimCommand.main(Array(CommandLine.arguments.dropFirst())))
