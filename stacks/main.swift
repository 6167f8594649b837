import StackKit
import StackKitAWS

let app = App()
SharedNetworkStack(app, "SharedNetwork")
app.synthOrExit()
