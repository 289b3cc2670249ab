/**
 * Vision datasets, as torchvision's {@code torchvision.datasets}: {@link
 * dev.shapetorch.vision.datasets.MNIST} and {@link dev.shapetorch.vision.datasets.FashionMNIST}
 * from gzipped IDX files (read by {@link dev.shapetorch.vision.datasets.IdxFile}), downloaded with
 * MD5 verification when missing ({@link dev.shapetorch.vision.datasets.DownloadSource}), and
 * {@link dev.shapetorch.vision.datasets.CIFAR10} from its binary batches; {@link
 * dev.shapetorch.vision.datasets.KMNIST}, {@link dev.shapetorch.vision.datasets.EMNIST}, {@link
 * dev.shapetorch.vision.datasets.QMNIST}, {@link dev.shapetorch.vision.datasets.CIFAR100}, {@link
 * dev.shapetorch.vision.datasets.STL10}, {@link dev.shapetorch.vision.datasets.SVHN} and {@link
 * dev.shapetorch.vision.datasets.SEMEION} from their published files; {@link
 * dev.shapetorch.vision.datasets.FakeData}; and {@link
 * dev.shapetorch.vision.datasets.ImageFolder} / {@link
 * dev.shapetorch.vision.datasets.DatasetFolder} over a directory per class; {@link
 * dev.shapetorch.vision.datasets.CocoDetection} and {@link
 * dev.shapetorch.vision.datasets.CocoCaptions} over a COCO annotation file. Missing, truncated or
 * corrupt files raise a {@link dev.shapetorch.vision.datasets.DatasetException} that names the
 * file and what to do.
 *
 * <pre>{@code
 * Transform t = Compose.of(new ToTensor(), new Normalize(new double[] {0.2860}, new double[] {0.3530}));
 * FashionMNIST train = FashionMNIST.train(t);     // /usr/share/datasets/fashion-mnist if present
 * var loader = DataLoader.of(train, LoaderOptions.batchSize(64).withShuffle(true));
 * }</pre>
 */
package dev.shapetorch.vision.datasets;
