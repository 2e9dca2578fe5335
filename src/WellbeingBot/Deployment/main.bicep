// WellbeingBot on Azure: App Service (Linux, the container image built from the repository's Dockerfile), Azure Database
// for PostgreSQL (flexible server) shared by every instance, and an Azure Bot registration with the Teams and Web Chat
// channels. The bot's Microsoft Entra app registration (single-tenant) is created beforehand; see the README.

@description('Short name used in every resource name (letters and digits).')
@minLength(3)
@maxLength(12)
param name string = 'wellbeing'

param location string = resourceGroup().location

@description('The container image to run, e.g. myregistry.azurecr.io/wellbeingbot:1.0.0.')
param containerImage string

@description('Application (client) id of the bot\'s single-tenant app registration.')
param botAppId string

@description('A client secret of that app registration.')
@secure()
param botAppPassword string

@description('Directory (tenant) id of the app registration.')
param botTenantId string = tenant().tenantId

param postgresAdminLogin string = 'wellbeingadmin'

@secure()
@minLength(12)
param postgresAdminPassword string

@description('App Service plan size; P0v3 or larger for several instances.')
param appServiceSku string = 'B1'

@minValue(1)
@maxValue(10)
param instances int = 1

var suffix = uniqueString(resourceGroup().id, name)
var databaseName = 'wellbeingbot'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: '${name}-pg-${suffix}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: databaseName
}

// Lets Azure services (the App Service) reach the server; the connection itself requires TLS.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-bot-${suffix}'
  location: location
  kind: 'app,linux,container'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'true' }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppId', value: botAppId }
        { name: 'MicrosoftAppPassword', value: botAppPassword }
        { name: 'MicrosoftAppTenantId', value: botTenantId }
        { name: 'Storage__PostgreSql', value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=VerifyFull' }
        { name: 'Storage__DataFolder', value: '/home/data' }
        { name: 'Knowledge__CurationFolder', value: '/home/data/curation' }
        { name: 'Teams__Domain', value: '${name}-bot-${suffix}.azurewebsites.net' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'WellbeingBot'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'WellbeingBot page'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

output botHost string = web.properties.defaultHostName
output messagingEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'
output postgresHost string = postgres.properties.fullyQualifiedDomainName
