// Involvement Hub on Azure, with no keys or passwords anywhere.
//
// One user-assigned managed identity is the bot's identity (Azure Bot, msaAppType UserAssignedMSI) and
// the app's identity for Cosmos DB (data-plane role, local auth disabled) and Blob storage (RBAC, shared
// keys disabled). The one secret, GOV.UK Notify's API key, lives in a Key Vault (RBAC, no access policies): the
// app setting is a Key Vault reference the identity resolves, and the key is put in the vault by hand (docs/deploy.md).
//
// Deploy:   az deployment group create --resource-group <rg> --template-file infra/main.bicep \
//             --parameters infra/main.parameters.dev.json aadAppClientId=<tab SSO client id>
// Validate: az bicep build --file infra/main.bicep   (the Bicep compiler needs to be installed; see docs/deploy.md)
// Keep the app settings below in step with server/config.ts: tests/infra/bicep-settings.test.ts checks them.

targetScope = 'resourceGroup'

@description('Short name used in every resource name, e.g. involvement-hub-dev. Letters, digits and hyphens. A suffix unique to the resource group is added where Azure needs globally unique names.')
@minLength(3)
@maxLength(30)
param resourceBaseName string

@description('Azure region for every resource except the bot (which is global). UK South keeps NHS data in the UK.')
param location string = resourceGroup().location

@description('Client id of the Entra app registration for tab single sign-on (docs/deploy.md, "Register the tab for single sign-on").')
@minLength(36)
@maxLength(36)
param aadAppClientId string

@description('Tenant of the tab\'s app registration and of the people who use the app.')
param aadAppTenantId string = tenant().tenantId

@description('Comma-separated Entra object ids of the IEV team: they approve claims and keep the register. Changeable later in the app settings.')
param ievMemberIds string = ''

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Involvement Hub'

@description('App Service plan size. B1 suits a pilot; P0v3 or larger adds zone redundancy options and more memory.')
@allowed([ 'B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3', 'P2v3' ])
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier. Teams is a standard channel, free on both tiers.')
@allowed([ 'F0', 'S1' ])
param botSku string = 'F0'

@description('Cosmos DB capacity: "serverless" (pay per request; right for one Trust) or "autoscale" (provisioned throughput shared by the database).')
@allowed([ 'serverless', 'autoscale' ])
param cosmosCapacityMode string = 'serverless'

@description('Upper limit of autoscale throughput (RU/s) when cosmosCapacityMode is "autoscale"; scales down to a tenth of it.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Storage redundancy for receipts. Standard_ZRS where the region offers zones (UK South does).')
@allowed([ 'Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS' ])
param storageSku string = 'Standard_ZRS'

@description('Days of log retention in Log Analytics.')
@minValue(30)
param logRetentionDays int = 90

@description('GOV.UK Notify template ids, by app setting name (NOTIFY_TEMPLATE_WELCOME_EMAIL, …; README "Messages to partners"). Not secret.')
param notifyTemplateIds object = {}

@description('Tags added to every resource.')
param tags object = {}

// Web app and storage names are global across Azure: a suffix from the resource group keeps them unique and stable.
var uniqueSuffix = take(uniqueString(resourceGroup().id), 6)
// Some names (Cosmos DB, storage) must be lower case.
var baseName = toLower(resourceBaseName)
var webAppName = '${baseName}-${uniqueSuffix}'
var publicHost = '${webAppName}.azurewebsites.net'
var publicUrl = 'https://${publicHost}'
var databaseName = 'involvement-hub'
var receiptsContainerName = 'receipts'
// Lower-case letters and digits only, at most 24 characters.
var storageAccountName = 'st${take(replace(baseName, '-', ''), 9)}${uniqueString(resourceGroup().id)}'

// Must match storage/containers.ts (the app reads them; with Entra-only access it cannot create them).
var cosmosContainers = [
  { name: 'partners', partitionKey: '/id', pointReadsOnly: false }
  { name: 'plans', partitionKey: '/hostId', pointReadsOnly: false }
  { name: 'claims', partitionKey: '/id', pointReadsOnly: false }
  { name: 'directory', partitionKey: '/id', pointReadsOnly: false }
  { name: 'botstate', partitionKey: '/id', pointReadsOnly: true }
  { name: 'audit', partitionKey: '/subjectId', pointReadsOnly: false }
  { name: 'outbox', partitionKey: '/id', pointReadsOnly: false }
  { name: 'messages', partitionKey: '/partnerId', pointReadsOnly: false }
  { name: 'applications', partitionKey: '/id', pointReadsOnly: false }
  { name: 'links', partitionKey: '/id', pointReadsOnly: false }
  { name: 'opportunities', partitionKey: '/opportunityId', pointReadsOnly: false }
  { name: 'evaluations', partitionKey: '/id', pointReadsOnly: false }
]

// Index everything queried except the etag; containers read only by id index nothing (as in storage/containers.ts).
var indexAll = { indexingMode: 'consistent', automatic: true, includedPaths: [ { path: '/*' } ], excludedPaths: [ { path: '/"_etag"/?' } ] }
var indexNothing = { indexingMode: 'consistent', automatic: true, includedPaths: [], excludedPaths: [ { path: '/*' } ] }

// Built-in role ids (the same in every tenant).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Key Vault names are global, 3-24 characters.
var keyVaultName = 'kv${take(replace(baseName, '-', ''), 8)}${uniqueString(resourceGroup().id)}'
var notifyKeySecretName = 'notify-api-key'
var personalLinkSecretName = 'personal-link-secret'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
  tags: tags
}

// ---------- Monitoring ----------

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------- Cosmos DB: Entra ID only ----------

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${baseName}-${uniqueSuffix}-cosmos'
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: location, failoverPriority: 0, isZoneRedundant: false }
    ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: cosmosCapacityMode == 'serverless' ? [ { name: 'EnableServerless' } ] : []
    // No account keys: every request must carry an Entra token, and keys cannot change the schema.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: cosmosCapacityMode == 'autoscale' ? { autoscaleSettings: { maxThroughput: cosmosAutoscaleMaxThroughput } } : {}
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in cosmosContainers: {
  parent: database
  name: container.name
  properties: {
    resource: {
      id: container.name
      partitionKey: { paths: [ container.partitionKey ], kind: 'Hash', version: 2 }
      indexingPolicy: container.pointReadsOnly ? indexNothing : indexAll
    }
  }
}]

// Cosmos DB Built-in Data Contributor for the app's identity, on this account only.
resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------- Blob storage for receipts: RBAC only ----------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: storageSku }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Receipts back payments: keep deleted ones recoverable for 30 days.
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource receipts 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: receiptsContainerName
  properties: { publicAccess: 'None' }
}

resource blobDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------- App Service: the one Node server (bot endpoint, tab and its API) ----------

// The app's two secrets. GOV.UK Notify's API key: put it in with
//   az keyvault secret set --vault-name <KEY_VAULT_NAME output> --name notify-api-key --value <key>
// Until it is there, App Service cannot resolve the reference and the app holds partners' messages in their outbox.
// The key that signs personal links to partners (required: the app does not start without it):
//   az keyvault secret set --vault-name <KEY_VAULT_NAME output> --name personal-link-secret --value "$(openssl rand -base64 48)"
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource keyVaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm run start:prod'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        // The app (server/config.ts). Production refuses to start if any required one is missing.
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: databaseName }
        { name: 'BLOB_ENDPOINT', value: storage.properties.primaryEndpoints.blob }
        { name: 'BLOB_CONTAINER', value: receiptsContainerName }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        { name: 'IEV_MEMBER_IDS', value: ievMemberIds }
        // Messages to partners: the API key from Key Vault (resolved by App Service with the identity), the template ids.
        { name: 'NOTIFY_API_KEY', value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${notifyKeySecretName})' }
        // The key that signs the personal links in those messages (a secret, from Key Vault like the API key).
        { name: 'PERSONAL_LINK_SECRET', value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${personalLinkSecretName})' }
        { name: 'NOTIFY_TEMPLATE_WELCOME_EMAIL', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_WELCOME_EMAIL'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_WELCOME_SMS', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_WELCOME_SMS'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_WELCOME_LETTER', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_WELCOME_LETTER'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_EXPENSES_PAID_EMAIL', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_EXPENSES_PAID_EMAIL'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_EXPENSES_PAID_SMS', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_EXPENSES_PAID_SMS'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_EXPENSES_PAID_LETTER', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_EXPENSES_PAID_LETTER'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_YOU_SAID_WE_DID_EMAIL', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_YOU_SAID_WE_DID_EMAIL'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_YOU_SAID_WE_DID_SMS', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_YOU_SAID_WE_DID_SMS'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_YOU_SAID_WE_DID_LETTER', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_YOU_SAID_WE_DID_LETTER'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_EVALUATION_INVITATION_EMAIL', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_EVALUATION_INVITATION_EMAIL'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_EVALUATION_INVITATION_SMS', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_EVALUATION_INVITATION_SMS'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_EVALUATION_INVITATION_LETTER', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_EVALUATION_INVITATION_LETTER'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_INVITATION_EMAIL', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_INVITATION_EMAIL'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_INVITATION_SMS', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_INVITATION_SMS'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_INVITATION_LETTER', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_INVITATION_LETTER'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_CONSENT_RENEWAL_EMAIL', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_CONSENT_RENEWAL_EMAIL'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_CONSENT_RENEWAL_SMS', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_CONSENT_RENEWAL_SMS'] ?? '' }
        { name: 'NOTIFY_TEMPLATE_CONSENT_RENEWAL_LETTER', value: notifyTemplateIds[?'NOTIFY_TEMPLATE_CONSENT_RENEWAL_LETTER'] ?? '' }
        // App Service and monitoring. The Application Insights connection string only says where to send
        // telemetry (Microsoft documents it as not a secret); it gives no access to any data. The app sends
        // OpenTelemetry itself (server/telemetry.ts), stripped of personal data, so App Service's own agent
        // (ApplicationInsightsAgent_EXTENSION_VERSION) stays off: it would report the same requests again, unstripped.
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        // The deployed zip already holds the built server and tab; the platform installs runtime packages only.
        { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
      ]
    }
  }
}

// No FTP or basic-auth deployment credentials: deploy with Entra ID (az webapp deploy, the Agents Toolkit).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: { allow: false }
}

// The app's own log lines (stdout) and HTTP logs go to Log Analytics, read with Entra ID.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: webApp
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

// ---------- Azure Bot: Teams channel, authenticated as the managed identity ----------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// ---------- Outputs: the values `npm run package` and the Agents Toolkit need (names as in env/.env.<env>) ----------

output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = publicHost
output BOT_ENDPOINT string = publicUrl
output TAB_DOMAIN string = publicHost
output TAB_ENDPOINT string = publicUrl
output AAD_APP_CLIENT_ID string = aadAppClientId
output AAD_APP_TENANT_ID string = aadAppTenantId
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_WEB_APP_NAME string = webApp.name
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
output BLOB_ENDPOINT string = storage.properties.primaryEndpoints.blob
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output KEY_VAULT_NAME string = keyVault.name
