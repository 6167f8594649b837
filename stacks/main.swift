import StackKit
import StackKitAWS

let app = App()
SharedNetworkStack(app, "SharedNetwork")
MotoDemoStack(app, "MotoDemo")
RedisRbacStack(app, "RedisRbacStack")
app.synthOrExit()
