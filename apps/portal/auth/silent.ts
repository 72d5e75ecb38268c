// The hidden frame of silent renew: hands Keycloak's answer back to the portal window. A page of
// its own so the renew does not load the whole portal inside the frame.
import { UserManager } from 'oidc-client-ts';

void new UserManager({ authority: '', client_id: '', redirect_uri: '' }).signinSilentCallback();
