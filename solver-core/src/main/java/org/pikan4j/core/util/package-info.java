/** Small building blocks shared by the configuration classes of the other packages. */
package org.pikan4j.core.util;
