// The executable: hands the library its terminal (curses), then runs the command line.

import LossScopeApp
import LossData
import LossLogs
import LossText

TerminalHost.open = { color throws(TerminalError) in try CursesBackend(color: color) }
RootCommand.main()
