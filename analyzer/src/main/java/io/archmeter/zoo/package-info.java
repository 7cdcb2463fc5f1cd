/**
 * Built-in models (AlexNet, VGG, ResNet, MobileNet, …) written in the architecture grammar itself,
 * each with the input it is quoted at, so that the zoo is also a test of the grammar against
 * torchvision's published counts.
 *
 * <p>May use: {@code model}.
 */
package io.archmeter.zoo;
