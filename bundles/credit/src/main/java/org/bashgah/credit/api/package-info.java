/**
 * The public face of bashgah-credit: the earning policy in force per organisation and branch, for other
 * capabilities (offers compare against it, reports show it). Implemented by the credit bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bashgah.credit.api;
