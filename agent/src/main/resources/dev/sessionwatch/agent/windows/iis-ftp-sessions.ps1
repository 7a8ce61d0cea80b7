# Sessionwatch agent: the FTP sessions of IIS, read through Microsoft.Web.Administration.
#
#   list      ASSEMBLY                            every session of every FTP site, as JSON
#   terminate ASSEMBLY SITE-ID SESSION-ID DIGEST  ends one session, if it is still the one listed
#
# ASSEMBLY is the path of Microsoft.Web.Administration.dll. The agent runs this file with
# powershell.exe -File, so each argument arrives as one string in $args and is never code: the
# terminate arguments are checked against their forms below before they are compared with
# anything. DIGEST is the first four bytes of the SHA-256 of the session's sessionStartTime, in
# hex: a later session that gets the same id is not ended. Exit status: 0 done, 1 failed (the
# reason on standard error), 2 wrong arguments, 3 no such session (any more).
# The schema: system.applicationHost/sites/site/ftpServer/sessions/session (IIS 7.5 and later).

$ErrorActionPreference = 'Stop'

function Get-StartDigest([string] $text) {
  $sha = [System.Security.Cryptography.SHA256]::Create()
  $hash = $sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($text))
  return -join ($hash[0..3] | ForEach-Object { $_.ToString('x2') })
}

function Get-FtpSites($manager) {
  return @($manager.Sites | Where-Object { @($_.Bindings | Where-Object { $_.Protocol -eq 'ftp' }).Count -gt 0 })
}

function Get-Sessions($site) {
  return $site.GetChildElement('ftpServer').GetCollection('sessions')
}

try {
  if ($args.Count -lt 2) {
    [Console]::Error.WriteLine('usage: list ASSEMBLY | terminate ASSEMBLY SITE-ID SESSION-ID DIGEST')
    exit 2
  }
  $mode = [string] $args[0]
  Add-Type -Path ([string] $args[1])
  $manager = New-Object Microsoft.Web.Administration.ServerManager

  if ($mode -eq 'list' -and $args.Count -eq 2) {
    $sessions = New-Object System.Collections.ArrayList
    foreach ($site in Get-FtpSites $manager) {
      foreach ($session in Get-Sessions $site) {
        [void] $sessions.Add([ordered] @{
          siteId           = [long] $site.Id
          site             = [string] $site.Name
          sessionId        = [string] $session['sessionId']
          userName         = [string] $session['userName']
          clientIp         = [string] $session['clientIp']
          bytesSent        = [long] $session['bytesSent']
          bytesReceived    = [long] $session['bytesReceived']
          currentCommand   = [string] $session['currentCommand']
          previousCommand  = [string] $session['previousCommand']
          commandStartTime = [string] $session['commandStartTime']
          sessionStartTime = [string] $session['sessionStartTime']
          lastErrorStatus  = [long] $session['lastErrorStatus']
        })
      }
    }
    $json = ConvertTo-Json -InputObject @{ sessions = @($sessions) } -Depth 3 -Compress
    # ASCII only, whatever code page the agent reads standard output in.
    $ascii = [System.Text.RegularExpressions.MatchEvaluator] { param($m) '\u{0:x4}' -f [int][char] $m.Value }
    [Console]::Out.Write([regex]::Replace($json, '[^\x00-\x7F]', $ascii))
    exit 0
  }

  if ($mode -eq 'terminate' -and $args.Count -eq 5) {
    $siteId = [string] $args[2]
    $sessionId = [string] $args[3]
    $digest = [string] $args[4]
    if ($siteId -notmatch '^[0-9]{1,10}$' -or
        $sessionId -notmatch '^[A-Za-z0-9{][A-Za-z0-9{}-]{0,63}$' -or
        $digest -notmatch '^[0-9a-f]{8}$') {
      [Console]::Error.WriteLine('malformed site id, session id or digest')
      exit 2
    }
    foreach ($site in Get-FtpSites $manager) {
      if ([string] $site.Id -ne $siteId) { continue }
      foreach ($session in Get-Sessions $site) {
        if ([string] $session['sessionId'] -ceq $sessionId -and
            (Get-StartDigest ([string] $session['sessionStartTime'])) -eq $digest) {
          $session.Methods['Terminate'].CreateInstance().Execute()
          exit 0
        }
      }
    }
    [Console]::Error.WriteLine("no session $sessionId on site $siteId")
    exit 3
  }

  [Console]::Error.WriteLine('usage: list ASSEMBLY | terminate ASSEMBLY SITE-ID SESSION-ID DIGEST')
  exit 2
} catch {
  [Console]::Error.WriteLine($_.Exception.Message)
  exit 1
}
