namespace Mdm.Tests;
